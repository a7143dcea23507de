using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Tests.Support;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Tests.Inbox;

/// <summary>
/// A retry after an attempt that saved and then rolled back must start from what the database holds, not from what the
/// failed attempt left in a change tracker. With the services' retry policy (<c>UseConsumerRetries</c>, on every
/// endpoint) MassTransit resolves the consumer in a new scope, so with a fresh lease of a pooled DbContext (its state
/// reset), for each attempt; this pins that down, so a filter that creates the scope outside the retry (e.g. an
/// in-memory outbox) cannot silently make retries reuse a dirty context.
/// </summary>
[Collection(DatabaseGroup.Name)]
public sealed class Retrying_a_consumer(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly ConsumedCounter<Ping> _consumed = new();
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        fixture.AddServiceLikeDependencies(services);
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddConsumer<AppendingConsumer>();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseConsumerRetries());
        });
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _harness.Bus.ConnectConsumeMessageObserver(_consumed);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }

    /// <summary>The row the consumer appends to.</summary>
    private async Task SeedAsync(Ping ping)
    {
        await using var db = fixture.NewContext();
        db.Effects.Add(new Effect { Key = ping.Key, Note = "seed" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_retry_after_a_rolled_back_attempt_changes_the_row_as_the_database_holds_it()
    {
        var ping = new Ping(Guid.NewGuid(), "retried");
        await SeedAsync(ping);
        var messageId = NewId.NextGuid();

        await _harness.Bus.Publish(ping, context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.CountOf(messageId) > 0), TimeSpan.FromSeconds(30), "the delivery finished");

        var contexts = AppendingConsumer.Contexts[ping.Key].ToArray();
        Assert.Equal(2, contexts.Length);
        Assert.NotEqual(contexts[0], contexts[1]);
        Assert.False(await _harness.Published.Any<Fault<Ping>>(f => f.Context.Message.Message.Key == ping.Key));
        await using var check = fixture.NewContext();
        // One "+" from the attempt that committed; the failed attempt's was rolled back and must not leak into the retry.
        Assert.Equal("seed+", (await check.Effects.SingleAsync(e => e.Key == ping.Key)).Note);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_quick_retries_is_tried_again_after_a_pause_and_not_given_up()
    {
        // A database restart or a run of deadlocks outlasts the quick attempts; the spaced ones must follow them.
        var ping = new Ping(Guid.NewGuid(), "outlasting");
        AppendingConsumer.FailingAttempts[ping.Key] = 4;
        await SeedAsync(ping);
        var messageId = NewId.NextGuid();

        await _harness.Bus.Publish(ping, context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.CountOf(messageId) > 0), TimeSpan.FromSeconds(60), "the delivery finished");

        var started = AppendingConsumer.Started[ping.Key].ToArray();
        Assert.Equal(5, started.Length);
        Assert.False(await _harness.Published.Any<Fault<Ping>>(f => f.Context.Message.Message.Key == ping.Key));
        // Four quick attempts (the last three after 0, 50 and 250 ms), then a pause of a second before the fifth.
        Assert.True(started[4] - started[3] >= TimeSpan.FromSeconds(0.9), $"the fifth attempt followed the fourth after {started[4] - started[3]}");
        await using var check = fixture.NewContext();
        Assert.Equal("seed+", (await check.Effects.SingleAsync(e => e.Key == ping.Key)).Note);
    }

    [Fact]
    public async Task A_message_that_can_never_succeed_goes_to_the_error_queue_after_one_attempt()
    {
        var ping = new Ping(Guid.NewGuid(), "hopeless");
        AppendingConsumer.Unprocessable[ping.Key] = true;
        await SeedAsync(ping);

        await _harness.Bus.Publish(ping);

        Assert.True(await _harness.Published.Any<Fault<Ping>>(f => f.Context.Message.Message.Key == ping.Key));
        Assert.Single(AppendingConsumer.Started[ping.Key]);
        await using var check = fixture.NewContext();
        Assert.Equal("seed", (await check.Effects.SingleAsync(e => e.Key == ping.Key)).Note);
    }
}
