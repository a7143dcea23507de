using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lms.ServiceDefaults.Tests.Outbox;

/// <summary>
/// The outbox's metrics as an exporter reads them: what waits (pending rows, the oldest one's age, dead letters) and
/// what the relay did (each attempt to publish, with the error on a failed one).
/// </summary>
[Collection(DatabaseGroup.Name)]
public sealed class Measuring_the_outbox(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ClearOutboxAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private OutboxBacklogMonitor<TestDbContext> NewMonitor() => ActivatorUtilities.CreateInstance<OutboxBacklogMonitor<TestDbContext>>(
        fixture.Services, Options.Create(new OutboxOptions()));

    private object Meters => fixture.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    [Fact]
    public async Task Reports_the_pending_rows_and_how_long_the_oldest_has_waited_until_the_relay_sends_them()
    {
        using var pending = new MetricRecorder(OutboxMetrics.MeterName, "lms.outbox.pending", Meters);
        using var age = new MetricRecorder(OutboxMetrics.MeterName, "lms.outbox.oldest_pending.age", Meters);
        var pings = await fixture.StorePingsAsync("first", "second", "third");
        await using (var db = fixture.NewContext())
        {
            // The first was stored two minutes ago, as if the relay had been stopped since.
            var first = await db.OutboxMessages.OrderBy(m => m.Sequence).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET created_at = {DateTimeOffset.UtcNow.AddMinutes(-2)} WHERE sequence = {first.Sequence}");
        }

        var measured = await NewMonitor().MeasureAsync(CancellationToken.None);

        Assert.Equal(pings.Length, measured.Pending);
        Assert.Equal(3, Assert.Single(pending.Observe()).Value);
        var waited = Assert.Single(age.Observe()).Value;
        Assert.InRange(waited, 119, 180);

        await fixture.NewDispatcher().DispatchPendingAsync(CancellationToken.None);
        await NewMonitor().MeasureAsync(CancellationToken.None);

        Assert.Equal(0, Assert.Single(pending.Observe()).Value);
        Assert.Equal(0, Assert.Single(age.Observe()).Value);
    }

    [Fact]
    public async Task Reports_the_dead_letters_waiting_for_an_operator()
    {
        using var waiting = new MetricRecorder(OutboxMetrics.MeterName, "lms.outbox.dead_letters.waiting", Meters);
        var pings = await fixture.StorePingsAsync("poison", "fine");
        await fixture.RenamePingTypeAsync(pings[0]);
        await fixture.NewDispatcher(maxAttempts: 1).DispatchPendingAsync(CancellationToken.None);

        await NewMonitor().MeasureAsync(CancellationToken.None);

        Assert.Equal(1, Assert.Single(waiting.Observe()).Value);
    }

    [Fact]
    public async Task Counts_each_publish_with_its_destination_and_a_failed_one_with_its_error()
    {
        using var sent = new MetricRecorder(OutboxMetrics.MeterName, "messaging.client.sent.messages", Meters);
        var pings = await fixture.StorePingsAsync("poison", "fine");
        await fixture.RenamePingTypeAsync(pings[0]);

        await fixture.NewDispatcher(maxAttempts: 2).DispatchPendingAsync(CancellationToken.None);

        var failed = Assert.Single(sent.Measurements);
        Assert.Equal("rabbitmq", failed.Tag("messaging.system"));
        Assert.Equal("permanent", failed.Tag("lms.outbox.failure"));
        Assert.Equal(typeof(OutboxMessageUnreadableException).FullName, failed.Tag("error.type"));

        await fixture.NewDispatcher(maxAttempts: 2).DispatchPendingAsync(CancellationToken.None);

        var published = Assert.Single(sent.Measurements, m => m.Tag("error.type") is null);
        Assert.Equal(typeof(Ping).FullName, published.Tag("messaging.destination.name"));
        Assert.Equal("publish", published.Tag("messaging.operation.name"));
        Assert.Equal(2, sent.Measurements.Count(m => m.Tag("error.type") is not null));
    }
}
