using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>What waits in a service's outbox at <paramref name="MeasuredAt"/>: pending rows, the oldest one's age, and dead letters.</summary>
public sealed record OutboxBacklog(long Pending, TimeSpan OldestPendingAge, long DeadLetters, DateTimeOffset MeasuredAt)
{
    public static OutboxBacklog Empty(DateTimeOffset at) => new(0, TimeSpan.Zero, 0, at);

    /// <summary>
    /// Three small reads: the pending rows through the relay's own index (sent_at, sequence), the oldest of them, and
    /// the dead letters, which are few by nature. Sent rows, however many are kept, are never read.
    /// </summary>
    public static async Task<OutboxBacklog> MeasureAsync<TContext>(TContext db, TimeProvider clock, CancellationToken cancellationToken)
        where TContext : DbContext, IOutboxDbContext
    {
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null);
        var count = await pending.LongCountAsync(cancellationToken);
        var oldest = count == 0 ? null : await pending.OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var deadLetters = await db.OutboxDeadLetters.LongCountAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var age = oldest is { } created && now > created ? now - created : TimeSpan.Zero;
        return new OutboxBacklog(count, age, deadLetters, now);
    }
}
