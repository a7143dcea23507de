using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Tests.Support;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Tests.Outbox;

[Collection(DatabaseGroup.Name)]
public sealed class Storing_events_with_the_state_change(DatabaseFixture fixture)
{
    [Fact]
    public async Task Keeps_neither_the_change_nor_the_event_when_the_transaction_rolls_back()
    {
        var userId = Guid.NewGuid();
        await using (var db = fixture.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Users.Add(NewUser(userId));
            db.PublishOnSave(new Ping(userId, "rolled back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = fixture.NewContext();
        Assert.False(await check.Users.AnyAsync(u => u.Id == userId));
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.Payload.Contains(userId.ToString())));
    }

    [Fact]
    public async Task Keeps_both_the_change_and_the_event_when_it_commits()
    {
        var userId = Guid.NewGuid();
        await using (var db = fixture.NewContext())
        {
            db.Users.Add(NewUser(userId));
            db.PublishOnSave(new Ping(userId, "committed"));
            await db.SaveChangesAsync();
        }

        await using var check = fixture.NewContext();
        Assert.True(await check.Users.AnyAsync(u => u.Id == userId));
        var stored = await check.OutboxMessages.SingleAsync(m => m.Payload.Contains(userId.ToString()));
        Assert.Null(stored.SentAt);
        Assert.Equal(new Ping(userId, "committed"), stored.Deserialize());
    }

    private static UserSummary NewUser(Guid id) => new()
    {
        Id = id,
        Email = $"{id:N}@example.com",
        Username = id.ToString("N")[..16],
        Name = "홍길동",
        RegisteredAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
