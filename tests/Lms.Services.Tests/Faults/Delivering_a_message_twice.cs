using Lms.Contracts.Identity;
using Lms.Services.Tests.Support;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Faults;

[Collection(PlatformGroup.Name)]
public sealed class Delivering_a_message_twice(Platform platform)
{
    [Fact]
    public async Task Has_one_effect_the_second_delivery_changes_nothing()
    {
        var counter = new ConsumedCounter<UserRegistered>();
        using var observing = platform.Institution.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(counter);
        var publisher = platform.Identity.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var userId = Guid.CreateVersion7();
        var first = new UserRegistered(userId, $"{userId:N}@example.com", $"u{userId:N}"[..20], "처음 이름", DateTimeOffset.UtcNow);

        await publisher.Publish(first, context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(counter.CountOf(messageId) == 1), TimeSpan.FromSeconds(30), "first delivery consumed");
        // The same message id again, carrying newer content: were it applied, the projection would take it.
        await publisher.Publish(first with { Name = "바뀐 이름", RegisteredAt = first.RegisteredAt.AddMinutes(1) },
            context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(counter.CountOf(messageId) == 2), TimeSpan.FromSeconds(30), "second delivery consumed");

        var user = await platform.UserDirectories["institution"](userId);
        Assert.Equal("처음 이름", user?.Name);
        var handled = await platform.Institution.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId));
        Assert.Equal(1, handled);
    }
}
