using Lms.Board.Data;
using Lms.Company.Data;
using Lms.Content.Data;
using Lms.Identity.Data;
using Lms.Institution.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Lms.Live.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Lms.Student.Data;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Support;

/// <summary>All seven services in this process, started once for the whole test run.</summary>
public sealed class Platform : IAsyncLifetime
{
    public ServiceHost<AccountsDbContext> Identity { get; private set; } = null!;

    /// <summary>Where the identity service under test writes its emails.</summary>
    public Mailbox Mail { get; } = new(Path.Combine(Path.GetTempPath(), $"lms-test-mail-{Guid.NewGuid():N}"));

    /// <summary>Where the company service under test writes its invitation emails.</summary>
    public Mailbox CompanyMail { get; } = new(Path.Combine(Path.GetTempPath(), $"lms-test-company-mail-{Guid.NewGuid():N}"));

    /// <summary>Where the institution service under test writes its manager invitation emails.</summary>
    public Mailbox InstitutionMail { get; } = new(Path.Combine(Path.GetTempPath(), $"lms-test-institution-mail-{Guid.NewGuid():N}"));

    /// <summary>What the board service under test delivered over SMTP (to <see cref="BoardSmtp"/>).</summary>
    public Mailbox BoardMail { get; } = new(Path.Combine(Path.GetTempPath(), $"lms-test-board-mail-{Guid.NewGuid():N}"));

    /// <summary>The SMTP server the board service under test sends its notifications to; it refuses some addresses.</summary>
    public SmtpServer BoardSmtp { get; private set; } = null!;

    /// <summary>The "google" sign-in provider the identity service under test talks to.</summary>
    public FakeOAuthProvider Google { get; private set; } = null!;

    public ServiceHost<InstitutionDbContext> Institution { get; private set; } = null!;

    public ServiceHost<CompanyDbContext> Company { get; private set; } = null!;

    public ServiceHost<StudentDbContext> Student { get; private set; } = null!;

    /// <summary>The student service's learning clock (heartbeats, exam deadlines, study days), which tests move forward.</summary>
    public ShiftedClock LearningClock { get; } = new();

    public ServiceHost<ContentDbContext> Content { get; private set; } = null!;

    public ServiceHost<LiveDbContext> Live { get; private set; } = null!;

    public ServiceHost<BoardDbContext> Board { get; private set; } = null!;

    /// <summary>The secrets the live service shares with nginx (here, with the tests that play nginx's part).</summary>
    public const string LiveCallbackSecret = "test-callback-secret-0123456789";

    public const string LivePlaybackSecret = "test-playback-secret-0123456789";

    /// <summary>What EventBridge sends in X-Api-Key with IVS stream state events.</summary>
    public const string LiveEventsApiKey = "test-events-key-0123456789";

    /// <summary>The live service's internal listener port (nginx's callbacks); in-memory requests claim it to reach those routes.</summary>
    public const int LiveInternalPort = 5999;

    /// <summary>Tests beat faster than a browser (every half second); the limit per connection is raised to this.</summary>
    public const int LiveHeartbeatsPerMinute = 40;

    /// <summary>Where the live service under test takes recordings from (nginx's <c>record_path</c>).</summary>
    public static readonly string LiveRecordingsDirectory = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), $"lms-test-live-recordings-{Guid.NewGuid():N}")).FullName;

    // Declared above LiveSettings, which reads it: static fields are initialised in order.

    /// <summary>The live service's settings, for a second instance beside it (same secrets, same backplane channels).</summary>
    public static readonly IReadOnlyDictionary<string, string> LiveSettings = new Dictionary<string, string>()
    {
        ["Live:Streaming:Local:CallbackSecret"] = LiveCallbackSecret,
        ["Live:Streaming:Local:PlaybackSecret"] = LivePlaybackSecret,
        ["Live:Streaming:Local:IngestUrl"] = "rtmp://127.0.0.1:1935/live",
        ["Live:Streaming:Local:PlaybackBaseUrl"] = "http://127.0.0.1:8088/hls",
        ["Live:Streaming:Ivs:EventsApiKey"] = LiveEventsApiKey,
        ["Live:InternalUrl"] = $"http://127.0.0.1:{LiveInternalPort}",
        ["Live:Classroom:HeartbeatsPerMinute"] = LiveHeartbeatsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Live:Classroom:HeartbeatsPerMinutePerPerson"] = "120",
        ["Live:Classroom:AccessSweepInterval"] = "00:00:00.500",
        // The SignalR backplane on the test Redis, on channels of this run only.
        ["Live:Redis"] = Environment.GetEnvironmentVariable("LMS_REDIS") ?? "",
        ["Live:RedisChannelPrefix"] = $"lms-live-test{Environment.GetEnvironmentVariable("LMS_TEST_DB_SUFFIX")}-{Guid.NewGuid():N}",
        // Recordings: the folder the tests play nginx's record_path with, processed at once; MP4s go to the test S3 server.
        ["Live:Recording:Directory"] = LiveRecordingsDirectory,
        ["Live:Recording:PollInterval"] = "00:00:01",
        ["Storage:ServiceUrl"] = TestServers.S3, ["Storage:Bucket"] = "lms-content", ["Storage:AccessKey"] = "S3RVER", ["Storage:SecretKey"] = "S3RVER",
    };

    public IReadOnlyList<IServiceHost> All => [Identity, Institution, Company, Student, Content, Live, Board];

    /// <summary>The services that keep a user projection, with a way to look a user up in each.</summary>
    public IReadOnlyDictionary<string, Func<Guid, Task<UserSummary?>>> UserDirectories => new Dictionary<string, Func<Guid, Task<UserSummary?>>>
    {
        ["institution"] = id => FindUserAsync(Institution, id),
        ["company"] = id => FindUserAsync(Company, id),
        ["student"] = id => FindUserAsync(Student, id),
        ["live"] = id => FindUserAsync(Live, id),
        ["board"] = id => FindUserAsync(Board, id),
    };

    /// <summary>
    /// Stops the company service (its HTTP host and its bus consumers) for the duration of <paramref name="whileDown"/>,
    /// then starts it again on the same database and queues, as a crash and restart would.
    /// </summary>
    public async Task WithCompanyDownAsync(Func<Task> whileDown)
    {
        await Company.DisposeAsync();
        try
        {
            await whileDown();
        }
        finally
        {
            Company = await StartCompanyAsync();
        }
    }

    private Task<ServiceHost<CompanyDbContext>> StartCompanyAsync() => ServiceHost<CompanyDbContext>.StartAsync("company",
        new Dictionary<string, string> { ["Mail:PickupDirectory"] = CompanyMail.Directory });

    public async Task InitializeAsync()
    {
        Google = await FakeOAuthProvider.StartAsync();
        Identity = await ServiceHost<AccountsDbContext>.StartAsync("identity",
            new Dictionary<string, string>(Google.Settings)
            {
                ["Mail:PickupDirectory"] = Mail.Directory,
                ["Auth:Cookies:Secure"] = "false",
                // A minute in production; short here so a test can see both a reload and its throttle.
                ["Tokens:UnknownKeyReloadInterval"] = "00:00:05",
                // Every test reaches this host from the same (absent) address; the per-address budget has its own host
                // in Refusing_credential_stuffing, and here it would only make the suite's failed sign-ins depend on order.
                ["SignIn:FailuresPerAddress"] = "1000000",
            }, trustTestTokens: false,
            // A test may name the caller's address (the refresh grace tells clients apart by it); otherwise there is none.
            configureServices: services => services.AddSingleton<IStartupFilter>(new PeerAddress()));
        Company = await StartCompanyAsync();
        // The institution hands its provision decisions to the company service over the bus; a short timeout keeps
        // the tests that stop the company service quick.
        Institution = await ServiceHost<InstitutionDbContext>.StartAsync("institution",
            new Dictionary<string, string>
            {
                ["Provisions:DecisionTimeout"] = "00:00:05", ["Provisions:RetryAfter"] = "00:00:02", ["Mail:PickupDirectory"] = InstitutionMail.Directory,
            });
        Student = await ServiceHost<StudentDbContext>.StartAsync("student",
            new Dictionary<string, string>
            {
                ["Exams:GraderIntervalSeconds"] = "1", ["Exams:GraceSeconds"] = "5",
                // Teach-back: the offline providers (the defaults); the sweeper every second; recordings read from the test S3 server.
                ["Teachback:SweepInterval"] = "00:00:01", ["Teachback:PollSeconds"] = "1",
                ["Storage:ServiceUrl"] = TestServers.S3, ["Storage:Bucket"] = "lms-content", ["Storage:AccessKey"] = "S3RVER", ["Storage:SecretKey"] = "S3RVER",
            },
            configureServices: services => services.AddKeyedSingleton<TimeProvider>(Lms.Student.Learning.LearningClock.Key, LearningClock));
        Content = await ServiceHost<ContentDbContext>.StartAsync("content", new Dictionary<string, string>
        {
            ["Storage:ServiceUrl"] = TestServers.S3,
            ["Storage:Bucket"] = "lms-content",
            ["Storage:AccessKey"] = "S3RVER",
            ["Storage:SecretKey"] = "S3RVER",
        });
        Live = await ServiceHost<LiveDbContext>.StartAsync("live", LiveSettings);
        BoardSmtp = SmtpServer.Start(BoardMail.Directory);
        Board = await ServiceHost<BoardDbContext>.StartAsync("board", new Dictionary<string, string>
        {
            ["Mail:SmtpHost"] = "127.0.0.1", ["Mail:SmtpPort"] = BoardSmtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var host in All.Reverse())
        {
            await host.DisposeAsync();
        }
        await BoardSmtp.DisposeAsync();
        await Google.DisposeAsync();
    }

    private static Task<UserSummary?> FindUserAsync<TContext>(ServiceHost<TContext> host, Guid id)
        where TContext : DbContext, IOutboxDbContext, IUserDirectory =>
        host.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id));
}

/// <summary>
/// Every test class shares the one platform and runs one after another: the broker-outage test stops the
/// broker, which no other test may be using at that moment.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlatformGroup : ICollectionFixture<Platform>
{
    public const string Name = "platform";
}
