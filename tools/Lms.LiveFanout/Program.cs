using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Lms.LiveFanout;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MySqlConnector;

// Usage (./lms bench live does it all; by hand: the infrastructure up, the variables below set, the live service built):
//   dotnet run --project tools/Lms.LiveFanout -- [--clients 500,1000] [--burst 3000] [--steady 200] [--configuration debug]
// Starts live service processes from this build on free ports (one without the Redis backplane; then two sharing it, the
// clients split between them and the quiz pushed through the first), against the test database and vhost named by
// LMS_MARIADB / LMS_RABBITMQ / LMS_REDIS / LMS_TEST_DB_SUFFIX, and plays the identity service itself (see TokenIssuer).
var clientCounts = Arg("--clients", "500,1000").Split(',').Select(int.Parse).ToArray();
var burst = int.Parse(Arg("--burst", "3000"), CultureInfo.InvariantCulture);
var steady = int.Parse(Arg("--steady", "200"), CultureInfo.InvariantCulture);
var configuration = Arg("--configuration", "debug");
var dll = Path.GetFullPath(Path.Combine(RepoRoot(), "artifacts", "bin", "Lms.Live", configuration, "Lms.Live.dll"));
var mariaDb = Env("LMS_MARIADB");
var rabbit = new Uri(Env("LMS_RABBITMQ"));
var redis = Env("LMS_REDIS");
var database = $"{mariaDb};Database=lms_live_test{Environment.GetEnvironmentVariable("LMS_TEST_DB_SUFFIX")};User=lms_live;Password=lms_live_pw;CharSet=utf8mb4";
const string callbackSecret = "bench-callback-secret-0123456789";

await using var issuer = new TokenIssuer();
await issuer.StartAsync(FreePort());
var rabbitUser = rabbit.UserInfo.Split(':');
Dictionary<string, string> Settings(bool backplane, string prefix, int internalPort) => new()
{
    // nginx's callbacks (here: the harness going live) reach the service on its internal listener only.
    ["Live:InternalUrl"] = $"http://127.0.0.1:{internalPort}",
    ["ConnectionStrings:Database"] = database,
    ["Messaging:Transport"] = "RabbitMq",
    ["Messaging:RabbitMq:Host"] = rabbit.Host,
    ["Messaging:RabbitMq:Port"] = rabbit.Port.ToString(CultureInfo.InvariantCulture),
    ["Messaging:RabbitMq:VirtualHost"] = Uri.UnescapeDataString(rabbit.AbsolutePath.TrimStart('/')),
    ["Messaging:RabbitMq:Username"] = Uri.UnescapeDataString(rabbitUser[0]),
    ["Messaging:RabbitMq:Password"] = Uri.UnescapeDataString(rabbitUser[1]),
    ["Auth:Issuer"] = TokenIssuer.Issuer,
    ["Auth:Audience"] = TokenIssuer.Audience,
    ["Auth:MetadataAddress"] = issuer.MetadataAddress,
    ["Live:Streaming:Local:CallbackSecret"] = callbackSecret,
    ["Live:Streaming:Local:PlaybackSecret"] = "bench-playback-secret-0123456789",
    ["Live:Redis"] = backplane ? redis : "",
    ["Live:RedisChannelPrefix"] = prefix,
    ["Telemetry:ConsoleExporter"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
};

// The class: one institution, its manager, a provision and enough enrolled learners, written into the live service's
// projections (what the provision, membership and enrollment events would have left there).
var institutionId = Guid.CreateVersion7();
var provisionId = Guid.CreateVersion7();
var managerId = Guid.CreateVersion7();
var learners = Enumerable.Range(0, Math.Max(burst, clientCounts.Max())).Select(_ => Guid.CreateVersion7()).ToArray();
var managerToken = issuer.Mint(managerId, "INSTITUTION_MANAGER", institutionId, "institution");
var learnerTokens = learners.Select(id => issuer.Mint(id, "EMPLOYEE", Guid.Empty, "company")).ToArray();

Console.WriteLine($"Lms.LiveFanout: {Environment.ProcessorCount} cores, live service {configuration} build, clients over WebSockets on loopback");
Console.WriteLine();
Console.WriteLine($"{"mode",-22} {"clients",7} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"<500 ms",8} {"missed",7}");
var burstLines = new List<string>();
foreach (var backplane in new[] { false, true })
{
    var prefix = $"lms-live-bench-{Guid.NewGuid():N}";
    var internalPort = FreePort();
    var instances = new List<LiveInstance> { await LiveInstance.StartAsync(dll, FreePort(), Settings(backplane, prefix, internalPort)) };
    if (backplane)
    {
        instances.Add(await LiveInstance.StartAsync(dll, FreePort(), Settings(backplane, prefix, FreePort())));
    }
    try
    {
        await SeedOnceAsync();
        var mode = backplane ? "2 instances + Redis" : "1 instance, no Redis";
        using var api = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = instances[0].Address, Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", managerToken);
        foreach (var n in clientCounts)
        {
            var sessionId = await LiveSessionAsync(api, internalPort);
            await using var clients = await Clients.ConnectAsync(instances.Select(i => i.Address).ToArray(), learnerTokens.Take(n).ToArray(), sessionId);
            var quizId = await PrepareAsync(api, sessionId);
            var latencies = await clients.PushAsync(() => api.PostAsync($"/live/v1/quizzes/{quizId}/push", null), quizId);
            Console.WriteLine(Row(mode, n, latencies));
            Console.WriteLine(Figure(mode, n, latencies));
        }

        {
            var sessionId = await LiveSessionAsync(api, internalPort);
            await using var clients = await Clients.ConnectAsync(instances.Select(i => i.Address).ToArray(), learnerTokens.Take(burst).ToArray(), sessionId);
            var first = await PrepareAsync(api, sessionId);
            Console.WriteLine(Row(mode, burst, await clients.PushAsync(() => api.PostAsync($"/live/v1/quizzes/{first}/push", null), first)));
            // Steady: a few learners answer at 20 a second; burst: everyone answers within 10 s, on the next quiz.
            var calm = await clients.AnswerAsync(first, Enumerable.Range(0, steady).ToArray(), TimeSpan.FromSeconds(steady / 20.0));
            (await api.PostAsync($"/live/v1/quizzes/{first}/close", null)).EnsureSuccessStatusCode();
            var second = await PrepareAsync(api, sessionId);
            await clients.PushAsync(() => api.PostAsync($"/live/v1/quizzes/{second}/push", null), second);
            var watch = Stopwatch.StartNew();
            var storm = await clients.AnswerAsync(second, Enumerable.Range(0, burst).ToArray(), TimeSpan.FromSeconds(10));
            var elapsed = watch.Elapsed;
            var counted = (await (await api.GetAsync($"/live/v1/quizzes/{second}/results")).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32());
            burstLines.Add($"{mode,-22} steady {steady} answers at 20/s: p50 {Pct(calm.Latencies, 0.5):0} ms, p95 {Pct(calm.Latencies, 0.95):0} ms, errors {calm.Errors}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"FIGURE|{mode}: {burst} answers in 10 s, ack p50 / p95 / p99, errors, counted|{Pct(storm.Latencies, 0.5):0} / {Pct(storm.Latencies, 0.95):0} / {Pct(storm.Latencies, 0.99):0} ms, {storm.Errors} errors, {counted} counted|steady 20/s: p95 {Pct(calm.Latencies, 0.95):0} ms|every answer counted once|{(counted == burst - storm.Errors ? "yes" : "no")}"));
            burstLines.Add($"{"",-22} burst {burst} answers in {elapsed.TotalSeconds:0.0} s ({burst / elapsed.TotalSeconds:0}/s): p50 {Pct(storm.Latencies, 0.5):0} ms, "
                + $"p95 {Pct(storm.Latencies, 0.95):0} ms, p99 {Pct(storm.Latencies, 0.99):0} ms, errors {storm.Errors}, counted {counted} (once each: {counted == burst - storm.Errors})");
            foreach (var error in storm.ErrorSamples.Concat(calm.ErrorSamples).Distinct().Take(3))
            {
                burstLines.Add($"{"",-22}   error: {error}");
            }
        }
    }
    finally
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }
    }
}
Console.WriteLine();
burstLines.ForEach(Console.WriteLine);
return;

async Task SeedOnceAsync()
{
    await using var db = new MySqlConnection(database);
    await db.OpenAsync();
    if (await new MySqlCommand($"SELECT COUNT(*) FROM provisions WHERE provision_id = '{provisionId}'", db).ExecuteScalarAsync() is long and > 0)
    {
        return;
    }
    var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    await new MySqlCommand($"INSERT INTO provisions (provision_id, course_title, institution_id) VALUES ('{provisionId}', 'bench', '{institutionId}');" +
        $"INSERT INTO institution_managers (institution_id, user_id, active, changed_at) VALUES ('{institutionId}', '{managerId}', 1, '{now}')", db).ExecuteNonQueryAsync();
    foreach (var chunk in learners.Chunk(500))
    {
        var rows = string.Join(',', chunk.Select(id => $"('{provisionId}', '{id}', 1, '{now}', '{Guid.CreateVersion7()}')"));
        await new MySqlCommand($"INSERT INTO enrollments (provision_id, user_id, active, changed_at, enrollment_id) VALUES {rows}", db).ExecuteNonQueryAsync();
    }
}

async Task<Guid> LiveSessionAsync(HttpClient api, int internalPort)
{
    var start = DateTimeOffset.UtcNow;
    var created = await api.PostAsJsonAsync("/live/v1/sessions", new { courseProvideId = provisionId, title = "bench", scheduledStart = start, scheduledEnd = start.AddHours(2) });
    created.EnsureSuccessStatusCode();
    var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    var key = (await api.GetFromJsonAsync<JsonElement>($"/live/v1/sessions/{id}/broadcast")).GetProperty("streamKey").GetString()!;
    using var published = await api.PostAsync($"http://127.0.0.1:{internalPort}/live/v1/streams/on-publish?secret={callbackSecret}",
        new FormUrlEncodedContent(new Dictionary<string, string> { ["call"] = "publish", ["app"] = "live", ["name"] = key }));
    if (published.StatusCode != HttpStatusCode.Found)
    {
        throw new InvalidOperationException($"on_publish answered {(int)published.StatusCode}");
    }
    return id;
}

async Task<Guid> PrepareAsync(HttpClient api, Guid sessionId)
{
    var response = await api.PostAsJsonAsync($"/live/v1/sessions/{sessionId}/quizzes",
        new { question = "bench?", options = QuizOptions.Four, correctOption = 1, timeLimitSeconds = 120 });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}

static string Row(string mode, int n, double[] latencies) =>
    $"{mode,-22} {n,7} {Pct(latencies, 0.5),8:0} {Pct(latencies, 0.99),8:0} {(latencies.Length == 0 ? double.NaN : latencies.Max()),8:0} "
    + $"{(n == 0 ? 0 : 100.0 * latencies.Count(l => l < 500) / n),7:0.0}% {n - latencies.Length,7}";

// For the load harness's table (tools/Lms.Load): push → receipt against the 500 ms aim.
static string Figure(string mode, int n, double[] latencies) => string.Create(CultureInfo.InvariantCulture,
    $"FIGURE|{mode}: quiz push → {n} clients, p50 / p99, missed|{Pct(latencies, 0.5):0} / {Pct(latencies, 0.99):0} ms, {n - latencies.Length} missed||p99 < 500 ms, none missed|{(Pct(latencies, 0.99) < 500 && latencies.Length == n ? "yes" : "no")}");

static double Pct(double[] values, double p)
{
    if (values.Length == 0)
    {
        return double.NaN;
    }
    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
    : throw new InvalidOperationException($"{name} is not set: run it through ./lms bench live, or set it as README (Performance: live fan-out) says.");

static string RepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository (Microservices.sln not found).");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

/// <summary>The benchmark quiz's options.</summary>
internal static class QuizOptions
{
    public static readonly string[] Four = ["a", "b", "c", "d"];
}
