using System.Diagnostics.Metrics;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Health;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lms.ServiceDefaults.Tests.Outbox;

/// <summary>A row that fails for a reason of its own cannot hold back the service's other events.</summary>
[Collection(DatabaseGroup.Name)]
public sealed class Dead_lettering_poison_rows(DatabaseFixture fixture) : IAsyncLifetime
{
    private const int MaxAttempts = 3;

    public Task InitializeAsync() => fixture.ClearOutboxAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_row_whose_type_was_renamed_is_dead_lettered_after_the_attempts_and_the_next_row_is_published()
    {
        var pings = await fixture.StorePingsAsync("before", "renamed", "after");
        var renamed = await fixture.RenamePingTypeAsync(pings[1]);
        var dispatcher = fixture.NewDispatcher(maxAttempts: MaxAttempts);

        var outcomes = new List<DispatchOutcome>();
        for (var pass = 0; pass < MaxAttempts; pass++)
        {
            outcomes.Add(await dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        // Held in place (and the row after it with it) while it has attempts left; then stepped over.
        Assert.Equal([DispatchOutcome.Failed, DispatchOutcome.Failed, DispatchOutcome.Drained], outcomes);
        Assert.Equal([pings[0], pings[2]], fixture.Publisher.Published.Select(p => p.Payload));
        await using var db = fixture.NewContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.MessageId == renamed));
        var dead = await db.OutboxDeadLetters.SingleAsync();
        Assert.Equal(renamed, dead.MessageId);
        Assert.Equal(MaxAttempts, dead.Attempts);
        Assert.Contains("is not known to this service", dead.Error, StringComparison.Ordinal);
        Assert.Contains(pings[1].Key.ToString(), dead.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_the_broker_refuses_is_dead_lettered_after_the_attempts_and_the_next_row_is_published()
    {
        var pings = await fixture.StorePingsAsync("refused", "next");
        fixture.Publisher.Reject = payload => payload is Ping { Note: "refused" };
        var dispatcher = fixture.NewDispatcher(maxAttempts: MaxAttempts);

        for (var pass = 0; pass < MaxAttempts; pass++)
        {
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
        }

        Assert.Equal([pings[1]], fixture.Publisher.Published.Select(p => p.Payload));
        await using var db = fixture.NewContext();
        var dead = await db.OutboxDeadLetters.SingleAsync();
        Assert.Contains("broker refused the message", dead.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broker_outage_of_any_length_dead_letters_nothing_and_reorders_nothing()
    {
        var pings = await fixture.StorePingsAsync("first", "second", "third");
        fixture.Publisher.Refuse = _ => true;
        var dispatcher = fixture.NewDispatcher(maxAttempts: MaxAttempts);

        for (var pass = 0; pass < MaxAttempts * 4; pass++)
        {
            Assert.Equal(DispatchOutcome.Failed, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        await using (var db = fixture.NewContext())
        {
            Assert.Empty(await db.OutboxDeadLetters.ToListAsync());
            Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal(0, m.Attempts));
        }

        fixture.Publisher.Refuse = _ => false;
        Assert.Equal(DispatchOutcome.Drained, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(pings, fixture.Publisher.Published.Select(p => p.Payload));
    }

    [Fact]
    public async Task Readiness_is_degraded_while_a_dead_letter_waits_and_healthy_again_once_it_is_gone()
    {
        Assert.Equal(HealthStatus.Healthy, (await CheckHealthAsync()).Status);
        var pings = await fixture.StorePingsAsync("poison");
        await fixture.RenamePingTypeAsync(pings[0]);
        var dispatcher = fixture.NewDispatcher(maxAttempts: 1);

        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        var degraded = await CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("1 outbox message(s) dead-lettered", degraded.Description, StringComparison.Ordinal);
        Assert.Contains("./lms dead-letters list identity", degraded.Description, StringComparison.Ordinal);

        await using (var db = fixture.NewContext())
        {
            await db.OutboxDeadLetters.ExecuteDeleteAsync();
        }
        Assert.Equal(HealthStatus.Healthy, (await CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task Counts_each_dead_letter_in_the_outbox_metrics()
    {
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxDiagnostics.SourceName && instrument.Name == "lms.outbox.dead_letters")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        var pings = await fixture.StorePingsAsync("poison one", "fine", "poison two");
        await fixture.RenamePingTypeAsync(pings[0]);
        await fixture.RenamePingTypeAsync(pings[2]);

        await fixture.NewDispatcher(maxAttempts: 1).DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(2, Interlocked.Read(ref counted));
        Assert.Equal([pings[1]], fixture.Publisher.Published.Select(p => p.Payload));
    }

    private async Task<HealthCheckResult> CheckHealthAsync()
    {
        await using var db = fixture.NewContext();
        return await new OutboxDeadLetterHealthCheck<TestDbContext>(db, new ServiceInfo("identity", "test"))
            .CheckHealthAsync(new HealthCheckContext());
    }

}
