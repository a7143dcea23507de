using Lms.ServiceDefaults.Tests.Support;
using Lms.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Tests.Inbox;

/// <summary>The inbox on MassTransit's in-memory transport (the unit-test transport) against the real database.</summary>
[Collection(DatabaseGroup.Name)]
public sealed class Consuming_through_the_inbox(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly ConsumedCounter<Ping> _consumed = new();
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        fixture.AddServiceLikeDependencies(services);
        services.AddMassTransitTestHarness(bus => bus.AddConsumer<CountingConsumer>());
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

    [Fact]
    public async Task Applies_a_message_delivered_twice_only_once()
    {
        var ping = new Ping(Guid.NewGuid(), "twice");
        var messageId = NewId.NextGuid();

        await DeliverAsync(ping, messageId);
        await DeliverAsync(ping, messageId);

        Assert.Equal(1, await CountEffectsAsync(ping.Key));
        await using var db = fixture.NewContext();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId));
    }

    [Fact]
    public async Task Applies_two_different_messages_with_the_same_content_twice()
    {
        var ping = new Ping(Guid.NewGuid(), "two messages");

        await DeliverAsync(ping, NewId.NextGuid());
        await DeliverAsync(ping, NewId.NextGuid());

        Assert.Equal(2, await CountEffectsAsync(ping.Key));
    }

    [Fact]
    public async Task Rolls_back_a_failed_handler_so_the_redelivery_applies_it_once()
    {
        var ping = new Ping(Guid.NewGuid(), "fails first");
        var messageId = NewId.NextGuid();
        CountingConsumer.FailuresLeft[ping.Key] = 1;

        await DeliverAsync(ping, messageId);
        Assert.Equal(0, await CountEffectsAsync(ping.Key));
        Assert.True(await _harness.Published.Any<Fault<Ping>>(f => f.Context.Message.Message.Key == ping.Key));

        await DeliverAsync(ping, messageId);
        Assert.Equal(1, await CountEffectsAsync(ping.Key));
    }

    private async Task DeliverAsync(Ping ping, Guid messageId)
    {
        var before = _consumed.CountOf(messageId);
        await _harness.Bus.Publish(ping, context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.CountOf(messageId) > before),
            TimeSpan.FromSeconds(15), $"a delivery of '{ping.Note}' finished");
    }

    private async Task<int> CountEffectsAsync(Guid key)
    {
        await using var db = fixture.NewContext();
        return await db.Effects.CountAsync(e => e.Key == key);
    }
}
