using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Faults;

[Collection(PlatformGroup.Name)]
public sealed class Losing_the_broker(Platform platform)
{
    [Fact]
    public async Task A_sign_up_while_the_broker_is_down_succeeds_and_is_delivered_once_it_is_back()
    {
        CreatedAccount created;
        await Broker.StopAsync();
        try
        {
            created = await platform.Identity.Client.SignUpAsync(NewAccounts.Unique());

            // Give the relay time to try (and fail): the event must still be waiting, not lost.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var waiting = await platform.Identity.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.Payload.Contains(created.UserId.ToString())));
            Assert.Null(waiting.SentAt);
        }
        finally
        {
            await Broker.StartAsync();
        }

        foreach (var (service, find) in platform.UserDirectories)
        {
            await Eventually.TrueAsync(async () => await find(created.UserId) is not null,
                TimeSpan.FromSeconds(120), $"{service} has the user signed up during the outage");
        }
    }
}
