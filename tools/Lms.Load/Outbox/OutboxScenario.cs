using System.Diagnostics;
using Lms.ServiceDefaults;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace Lms.Load.Outbox;

/// <summary>
/// The outbox as every service uses it, in this process: the service defaults' context, relay (MassTransit over the
/// real RabbitMQ) and inbox consumer against the real MariaDB, in a database and vhost of their own (<c>lms_bench</c>).
/// First the cost of the outbox write itself: 16 writers committing a row, against 16 committing the row with its event,
/// before the host starts (no relay running). Then the same with the relay publishing meanwhile, on the same two cores.
/// Last the latency: writes with an event at a steady 500 a second, and for each event the time from just before its
/// commit to its consumer running.
/// </summary>
public static class OutboxScenario
{
    private const int Writers = 16;
    private const int EventsPerSecond = 500;

    public static async Task RunAsync(Options options, Figures figures)
    {
        var app = await BuildAsync(options);
        try
        {
            await CompareAsync(options, app.Services, figures, "relay not running", drain: false);
            await app.StartAsync();
            await DrainedAsync(app.Services);
            await CompareAsync(options, app.Services, figures, "relay publishing", drain: true);
            await MeasureLatencyAsync(options, app.Services, figures);
        }
        finally
        {
            // Stopped before disposed, so the relay ends as it does when a service shuts down.
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task CompareAsync(Options options, IServiceProvider services, Figures figures, string relay, bool drain)
    {
        var alone = new List<RunResult>();
        var withEvent = new List<RunResult>();
        for (var run = 0; run < options.Runs; run++)
        {
            Console.WriteLine($"  {relay}, run {run + 1} of {options.Runs}: {Writers} writers, row alone then row + event ({options.Seconds} s each)");
            alone.Add(await ClosedLoop.RunAsync(() => WriteAsync(services, withEvent: false), Writers, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(2)));
            withEvent.Add(await ClosedLoop.RunAsync(() => WriteAsync(services, withEvent: true), Writers, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(2)));
            if (drain)
            {
                // The next run of rows alone should not share the cores with the relay's backlog.
                await DrainedAsync(services);
            }
        }
        var (a, e) = (Percentiles.Median(alone.Select(r => r.RequestsPerSecond)), Percentiles.Median(withEvent.Select(r => r.RequestsPerSecond)));
        figures.Add(new Figure("outbox", $"commits/s, row + event ÷ row alone ({Writers} writers, {relay})", Figures.Ratio(e / a),
            $"{Figures.Rate(a)} alone, {Figures.Rate(e)} with the event", "≥ 0.80×", e / a >= 0.8));
        figures.Add(new Figure("outbox", $"commit p50 / p99, row + event ({relay})", $"{Figures.Ms(Percentiles.Median(withEvent.Select(r => r.P50Ms)))} / {Figures.Ms(Percentiles.Median(withEvent.Select(r => r.P99Ms)))}",
            $"{Figures.Ms(Percentiles.Median(alone.Select(r => r.P50Ms)))} / {Figures.Ms(Percentiles.Median(alone.Select(r => r.P99Ms)))} alone"));
    }

    private static async Task MeasureLatencyAsync(Options options, IServiceProvider services, Figures figures)
    {
        var seconds = Math.Max(10, options.Seconds * 2);
        Console.WriteLine($"  {EventsPerSecond} writes with an event a second for {seconds} s; each event timed from before its commit to its consumer");
        BenchNotedConsumer.LatenciesMs.Clear();
        var written = await OpenLoopAsync(services, seconds);
        var deadline = Stopwatch.StartNew();
        while (BenchNotedConsumer.LatenciesMs.Count < written && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }
        var latencies = BenchNotedConsumer.LatenciesMs.Order().ToArray();
        figures.Add(new Figure("outbox", $"publish → consume at {EventsPerSecond}/s: p50 / p99 / max",
            $"{Figures.Ms(Percentiles.Of(latencies, 0.5))} / {Figures.Ms(Percentiles.Of(latencies, 0.99))} / {Figures.Ms(latencies.LastOrDefault())}",
            $"{written:#,0} written in {seconds} s", "p99 ≤ 100 ms", Percentiles.Of(latencies, 0.99) <= 100));
        figures.Add(new Figure("outbox", "events of the timed part consumed (a duplicate would count twice)",
            $"{latencies.Length:#,0} of {written:#,0}", "", "all, once", latencies.Length == written));
    }

    private static async Task<bool> WriteAsync(IServiceProvider services, bool withEvent)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxBenchContext>();
        var note = new BenchNote { Id = Guid.CreateVersion7(), Text = "과정 문의: 수료 기준이 궁금합니다", WrittenAt = DateTimeOffset.UtcNow };
        db.Notes.Add(note);
        if (withEvent)
        {
            db.PublishOnSave(new BenchNoted(note.Id, note.WrittenAt));
        }
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Starts a write every 1/rate of a second on schedule, whether or not the previous ones finished.</summary>
    private static async Task<int> OpenLoopAsync(IServiceProvider services, int seconds)
    {
        var total = EventsPerSecond * seconds;
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var started = 0;
        while (started < total && await timer.WaitForNextTickAsync())
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * EventsPerSecond));
            for (; started < due; started++)
            {
                inFlight.Add(Task.Run(() => WriteAsync(services, withEvent: true)));
            }
        }
        await Task.WhenAll(inFlight);
        return total;
    }

    private static async Task DrainedAsync(IServiceProvider services)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var scope = services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<OutboxBenchContext>().OutboxMessages.AnyAsync(m => m.SentAt == null))
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    private static async Task<WebApplication> BuildAsync(Options options)
    {
        var rabbit = options.RabbitMq;
        var user = rabbit.UserInfo.Split(':');
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = new MySqlConnectionStringBuilder(options.MariaDb)
            {
                Database = "lms_bench", UserID = "lms_platform", Password = "lms_platform_pw", CharacterSet = "utf8mb4",
            }.ConnectionString,
            ["Database:MigrateAtStartup"] = "false",
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = rabbit.Host,
            ["Messaging:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:VirtualHost"] = Uri.UnescapeDataString(rabbit.AbsolutePath.TrimStart('/')),
            ["Messaging:RabbitMq:Username"] = Uri.UnescapeDataString(user[0]),
            ["Messaging:RabbitMq:Password"] = Uri.UnescapeDataString(user[1]),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults("bench");
        builder.AddServiceDatabase<OutboxBenchContext>();
        builder.AddServiceBus((bus, _) => bus.AddConsumer<BenchNotedConsumer>());
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A fresh schema each run: the measurement starts from empty tables, as the comparison needs.
            var db = scope.ServiceProvider.GetRequiredService<OutboxBenchContext>();
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
        }
        return app;
    }
}
