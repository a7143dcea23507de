using System.Diagnostics;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Outbox;
using Lms.ServiceDefaults.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Tests.Outbox;

[Collection(DatabaseGroup.Name)]
public sealed class Relaying_the_outbox(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ClearOutboxAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Publishes_pending_messages_in_the_order_they_were_stored()
    {
        var pings = await fixture.StorePingsAsync("first", "second", "third");

        var outcome = await fixture.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(DispatchOutcome.Drained, outcome);
        Assert.Equal(pings, fixture.Publisher.Published.Select(p => p.Payload));
    }

    [Fact]
    public async Task Publishes_each_message_once_across_passes()
    {
        await fixture.StorePingsAsync("only");
        var dispatcher = fixture.NewDispatcher();

        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Single(fixture.Publisher.Published);
        await using var db = fixture.NewContext();
        Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task Publishes_with_the_stored_message_id_so_consumers_can_spot_redeliveries()
    {
        await fixture.StorePingsAsync("identified");
        await using var db = fixture.NewContext();
        var stored = await db.OutboxMessages.SingleAsync();

        await fixture.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(stored.MessageId, fixture.Publisher.Published.Single().MessageId);
    }

    [Fact]
    public async Task Stops_at_an_unreachable_broker_and_keeps_the_row_and_everything_after_it_for_the_next_pass()
    {
        var pings = await fixture.StorePingsAsync("before", "refused", "after");
        fixture.Publisher.Refuse = payload => payload is Ping { Note: "refused" };
        var dispatcher = fixture.NewDispatcher();

        var failed = await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(DispatchOutcome.Failed, failed);
        Assert.Equal([pings[0]], fixture.Publisher.Published.Select(p => p.Payload));
        await using (var db = fixture.NewContext())
        {
            var refused = (await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync())[1];
            Assert.Null(refused.SentAt);
            // The broker being away is not the row's fault: no attempt counted toward dead-lettering it.
            Assert.Equal(0, refused.Attempts);
            Assert.Equal("broker unreachable", refused.LastError);
        }

        fixture.Publisher.Refuse = _ => false;
        var recovered = await dispatcher.DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(DispatchOutcome.Drained, recovered);
        Assert.Equal(pings, fixture.Publisher.Published.Select(p => p.Payload));
    }

    [Fact]
    public async Task Publishes_a_backlog_larger_than_one_batch_over_several_passes()
    {
        var pings = await fixture.StorePingsAsync("1", "2", "3", "4", "5");
        var dispatcher = fixture.NewDispatcher(batchSize: 2);

        var outcomes = new List<DispatchOutcome>();
        for (var pass = 0; pass < 3; pass++)
        {
            outcomes.Add(await dispatcher.DispatchPendingAsync(CancellationToken.None));
        }

        Assert.Equal([DispatchOutcome.MoreWaiting, DispatchOutcome.MoreWaiting, DispatchOutcome.Drained], outcomes);
        Assert.Equal(pings, fixture.Publisher.Published.Select(p => p.Payload));
    }

    [Fact]
    public async Task Leaves_the_outbox_to_the_instance_that_holds_the_relay_lock()
    {
        await fixture.StorePingsAsync("contended");
        await using var otherInstance = fixture.NewContext();
        await using var held = await DatabaseLock.TryAcquireAsync(otherInstance, "outbox-relay", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);

        var outcome = await fixture.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(DispatchOutcome.Busy, outcome);
        Assert.Empty(fixture.Publisher.Published);
    }

    [Fact]
    public async Task Publishes_within_the_trace_of_the_request_that_stored_the_message()
    {
        using var listener = ListenToAllSources();
        using var source = new ActivitySource("test.request");
        ActivityTraceId requestTrace;
        using (var request = source.StartActivity("POST /signup", ActivityKind.Server))
        {
            Assert.NotNull(request);
            requestTrace = request.TraceId;
            await fixture.StorePingsAsync("traced");
        }

        await fixture.NewDispatcher().DispatchPendingAsync(CancellationToken.None);

        Assert.Equal(requestTrace, fixture.Publisher.Published.Single().TraceId);
    }

    private static ActivityListener ListenToAllSources()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
