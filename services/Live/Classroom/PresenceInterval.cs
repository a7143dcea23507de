using Lms.Live.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Classroom;

/// <summary>
/// A stretch of time a person was present in a session: opened when they join, extended by each heartbeat (every
/// 15 s). A heartbeat or rejoin within <see cref="Gap"/> of the last one extends the same interval, so a reconnect
/// merges; a longer silence starts a new interval.
/// </summary>
public sealed class PresenceInterval
{
    public static readonly TimeSpan Gap = TimeSpan.FromSeconds(45);

    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public static async Task RecordAsync(LiveDbContext db, Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await db.Presence.Where(p => p.SessionId == sessionId && p.UserId == userId)
            .OrderByDescending(p => p.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && now - latest.LastSeenAt <= Gap)
        {
            if (now > latest.LastSeenAt)
            {
                latest.LastSeenAt = now;
            }
        }
        else
        {
            db.Presence.Add(new PresenceInterval { Id = Guid.CreateVersion7(), SessionId = sessionId, UserId = userId, StartedAt = now, LastSeenAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
