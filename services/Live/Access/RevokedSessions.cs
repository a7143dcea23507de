using Lms.Contracts.Identity;
using Lms.Live.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Access;

/// <summary>
/// A sign-in session (the access token's <c>sid</c>) that identity revoked. Access tokens live minutes, so a row older
/// than <see cref="KeptFor"/> names no token that still works and is deleted.
/// </summary>
public sealed class RevokedSession
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset RevokedAt { get; set; }
}

/// <summary>Records revoked sessions; the classroom refuses and closes connections whose token names one.</summary>
public sealed class SessionsRevokedConsumer(LiveDbContext db, TimeProvider clock, ILogger<SessionsRevokedConsumer> logger)
    : InboxConsumer<SessionsRevoked, LiveDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(SessionsRevoked message, CancellationToken cancellationToken)
    {
        foreach (var sessionId in message.SessionIds.Distinct())
        {
            await Db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT IGNORE INTO revoked_sessions (session_id, user_id, revoked_at)
                VALUES ({sessionId.ToString()}, {message.UserId.ToString()}, {message.RevokedAt.UtcDateTime})
                """, cancellationToken);
        }
        var stale = Clock.GetUtcNow() - RevokedSession.KeptFor;
        await Db.RevokedSessions.Where(r => r.RevokedAt < stale).ExecuteDeleteAsync(cancellationToken);
    }
}
