using System.Diagnostics;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Health;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Tests.Inbox;
using Lms.ServiceDefaults.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace Lms.ServiceDefaults.Tests.Outbox;

/// <summary>
/// The relay with MassTransit's publisher over the real RabbitMQ, to an inbox consumer on the real MariaDB: a poison
/// row is dead-lettered while the rest arrive, <c>./lms dead-letters requeue</c> brings it back, and a broker that dies
/// mid-relay loses, doubles and reorders nothing.
/// </summary>
[Collection(DatabaseGroup.Name)]
public sealed class Relaying_over_the_real_broker(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Queue = "servicedefaults-relay-tests";
    private const string ServiceName = "identity";

    public Task InitializeAsync() => fixture.ClearOutboxAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_row_whose_type_was_renamed_is_dead_lettered_the_next_event_arrives_and_a_requeue_after_the_fix_delivers_it_once()
    {
        var broker = await TestServers.RabbitMqAsync();
        var options = new OutboxOptions { MaxAttempts = 3, PublishTimeout = TimeSpan.FromSeconds(10) };
        await using var service = await StartServiceAsync(broker.Host, broker.Port, options);
        var pings = await fixture.StorePingsAsync("before", "renamed", "after");
        var renamed = await fixture.RenamePingTypeAsync(pings[1]);
        var dispatcher = NewDispatcher(service);

        var outcomes = new List<DispatchOutcome>();
        for (var pass = 0; pass < options.MaxAttempts; pass++)
        {
            outcomes.Add(await dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        Assert.Equal([DispatchOutcome.Failed, DispatchOutcome.Failed, DispatchOutcome.Drained], outcomes);
        await Eventually.TrueAsync(async () => await CountEffectsAsync(pings[2].Key) == 1, TimeSpan.FromSeconds(30), "the event after the poison row arrived");
        Assert.Equal(1, await CountEffectsAsync(pings[0].Key));
        Assert.Equal(0, await CountEffectsAsync(pings[1].Key));
        long deadLetterId;
        await using (var db = fixture.NewContext())
        {
            var dead = await db.OutboxDeadLetters.SingleAsync();
            Assert.Equal(renamed, dead.MessageId);
            Assert.Equal(3, dead.Attempts);
            Assert.Contains("PingBeforeTheRename", dead.Error, StringComparison.Ordinal);
            deadLetterId = dead.Id;
        }
        Assert.Equal(HealthStatus.Degraded, (await CheckHealthAsync()).Status);

        var listed = await DeadLettersAsync("list", ServiceName);
        Assert.Contains("1 dead letter(s)", listed, StringComparison.Ordinal);
        Assert.Contains(renamed.ToString(), listed, StringComparison.Ordinal);

        // The fix: the row names the type as the code now calls it (a deploy that restores the type would do the same).
        await using (var db = fixture.NewContext())
        {
            await db.OutboxDeadLetters.Where(d => d.Id == deadLetterId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.MessageType, MessageTypes.NameOf(typeof(Ping))));
        }
        var requeued = await DeadLettersAsync("requeue", deadLetterId.ToString(System.Globalization.CultureInfo.InvariantCulture), ServiceName);
        Assert.Contains($"dead letter {deadLetterId} re-queued", requeued, StringComparison.Ordinal);

        await using (var db = fixture.NewContext())
        {
            Assert.Empty(await db.OutboxDeadLetters.ToListAsync());
            var rows = await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync();
            // At the end of the order, with its message id and a fresh count of attempts.
            Assert.Equal(renamed, rows[^1].MessageId);
            Assert.Null(rows[^1].SentAt);
            Assert.Equal(0, rows[^1].Attempts);
        }
        Assert.Equal(HealthStatus.Healthy, (await CheckHealthAsync()).Status);

        Assert.Equal(DispatchOutcome.Drained, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        await Eventually.TrueAsync(async () => await CountEffectsAsync(pings[1].Key) == 1, TimeSpan.FromSeconds(30), "the re-queued event arrived");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await CountEffectsAsync(pings[1].Key));
    }

    [Fact]
    public async Task A_requeue_of_an_id_that_is_not_there_says_so_and_changes_nothing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DeadLettersAsync("requeue", "987654321", ServiceName));

        Assert.Contains("has no dead letter with id 987654321", error.Message, StringComparison.Ordinal);
        Assert.Contains("no dead letters", await DeadLettersAsync("list", ServiceName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_broker_killed_mid_relay_delivers_everything_once_and_in_order_after_it_is_back()
    {
        var broker = await TestServers.RabbitMqAsync();
        using var proxy = new TcpProxy(broker.Host, broker.Port);
        proxy.Start();
        // One counted attempt would dead-letter a row: the outage must count none.
        var options = new OutboxOptions
        {
            MaxAttempts = 1,
            PollInterval = TimeSpan.FromMilliseconds(200),
            PublishTimeout = TimeSpan.FromSeconds(2),
            MaxBackoff = TimeSpan.FromSeconds(2),
        };
        await using var service = await StartServiceAsync("127.0.0.1", proxy.Port, options);
        var pings = await fixture.StorePingsAsync([.. Enumerable.Range(1, 600).Select(i => $"event {i}")]);
        var relay = NewDispatcher(service);
        ((ApplicationLifetime)service.GetRequiredService<IHostApplicationLifetime>()).NotifyStarted();
        await relay.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(async () => await CountSentAsync() >= 40, TimeSpan.FromSeconds(60), "the relay got going");
            proxy.Kill();
            var sentAtKill = await CountSentAsync();
            Assert.True(sentAtKill < pings.Length, "the broker went away mid-relay");

            await Task.Delay(TimeSpan.FromSeconds(6));
            await using (var db = fixture.NewContext())
            {
                Assert.Empty(await db.OutboxDeadLetters.ToListAsync());
                Assert.All(await db.OutboxMessages.Where(m => m.SentAt == null).ToListAsync(), m => Assert.Equal(0, m.Attempts));
            }

            proxy.Start();
            var keys = pings.Select(p => p.Key).ToList();
            await Eventually.GetAsync(async () => (Arrived: await CountArrivedAsync(keys), Sent: await CountSentAsync(), Killed: sentAtKill),
                progress => progress.Arrived == pings.Length, TimeSpan.FromSeconds(180), $"all {pings.Length} events stored before the outage arrived");
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await using var check = fixture.NewContext();
        var pingKeys = pings.Select(p => p.Key).ToList();
        var effects = await check.Effects.Where(e => pingKeys.Contains(e.Key)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(pings.Select(p => p.Note), effects.Select(e => e.Note));
        Assert.Equal(pings.Length, await check.OutboxMessages.CountAsync(m => m.SentAt != null));
        Assert.Empty(await check.OutboxDeadLetters.ToListAsync());
    }

    private async Task<RunningService> StartServiceAsync(string host, int port, OutboxOptions options)
    {
        var broker = await TestServers.RabbitMqAsync();
        var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));

        var services = new ServiceCollection();
        fixture.AddServiceLikeDependencies(services);
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CountingConsumer>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(host, (ushort)port, virtualHost, h =>
                {
                    h.Username(credentials[0]);
                    h.Password(credentials[1]);
                });
                cfg.ReceiveEndpoint(Queue, endpoint =>
                {
                    // One at a time, so the order of arrival is the order of the effects' ids.
                    endpoint.PrefetchCount = 1;
                    endpoint.ConcurrentMessageLimit = 1;
                    endpoint.UseMessageRetry(retry => retry.Interval(20, TimeSpan.FromMilliseconds(500)));
                    endpoint.ConfigureConsumer<CountingConsumer>(context);
                });
            });
        });
        var provider = services.BuildServiceProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await provider.GetRequiredService<IBusControl>().StartAsync(timeout.Token);
        return new RunningService(provider);
    }

    private static OutboxDispatcher<TestDbContext> NewDispatcher(RunningService service) =>
        ActivatorUtilities.CreateInstance<OutboxDispatcher<TestDbContext>>(service.Provider);

    /// <summary>
    /// The bus and its container. Disposing the container does not stop the bus: a bus left running would go on taking
    /// the next test's messages off the shared queue into a disposed container.
    /// </summary>
    private sealed class RunningService(ServiceProvider provider) : IAsyncDisposable
    {
        public ServiceProvider Provider => provider;

        public T GetRequiredService<T>() where T : notnull => provider.GetRequiredService<T>();

        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await provider.GetRequiredService<IBusControl>().StopAsync(timeout.Token);
            await provider.DisposeAsync();
        }
    }

    private async Task<int> CountEffectsAsync(Guid key)
    {
        await using var db = fixture.NewContext();
        return await db.Effects.CountAsync(e => e.Key == key);
    }

    private async Task<int> CountArrivedAsync(List<Guid> keys)
    {
        await using var db = fixture.NewContext();
        return await db.Effects.Where(e => keys.Contains(e.Key)).Select(e => e.Key).Distinct().CountAsync();
    }

    private async Task<int> CountSentAsync()
    {
        await using var db = fixture.NewContext();
        return await db.OutboxMessages.CountAsync(m => m.SentAt != null);
    }

    private async Task<HealthCheckResult> CheckHealthAsync()
    {
        await using var db = fixture.NewContext();
        return await new OutboxDeadLetterHealthCheck<TestDbContext>(db, new ServiceInfo(ServiceName, "test"))
            .CheckHealthAsync(new HealthCheckContext());
    }

    /// <summary>Runs the real <c>./lms dead-letters</c> script against this suite's database; throws with its output when it fails.</summary>
    private static async Task<string> DeadLettersAsync(params string[] arguments)
    {
        var database = new MySqlConnectionStringBuilder(await TestServers.MariaDbAsync("lms_platform_test", "lms_platform"));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "dead-letters.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DEAD_LETTERS_HOST"] = database.Server;
        start.Environment["DEAD_LETTERS_PORT"] = database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DEAD_LETTERS_DATABASE"] = database.Database;
        start.Environment["DEAD_LETTERS_USER"] = database.UserID;
        start.Environment["DEAD_LETTERS_PASSWORD"] = database.Password;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run scripts/dead-letters.sh");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"dead-letters.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "dead-letters.sh")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No scripts/dead-letters.sh above {AppContext.BaseDirectory}.");
    }
}
