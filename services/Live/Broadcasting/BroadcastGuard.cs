using Lms.Live.Access;
using Lms.Live.Data;
using Lms.Live.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Broadcasting;

/// <summary>
/// Checks a running browser broadcast as the classroom hub checks its connections: the person still manages the
/// session's institution, their sign-in was not revoked, and the session is still open. A broadcast outlives its access
/// token (the lecture would end with it: a stopped stream ends the session), so revocation is what ends a signed-out
/// manager's broadcast, checked here directly.
/// </summary>
public sealed class BroadcastGuard(IServiceScopeFactory scopes)
{
    /// <summary>Why the broadcast must end now, or null while it may go on.</summary>
    public async Task<RelayEnd?> CheckAsync(Guid sessionId, Guid userId, Guid? signIn, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveDbContext>();
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.State, s.ProvisionId })
            .SingleAsync(cancellationToken);
        if (signIn is { } sid && await db.RevokedSessions.AnyAsync(r => r.SessionId == sid, cancellationToken))
        {
            return RelayEnd.SignedOut;
        }
        if (await LiveAccess.RoleAsync(db, session.ProvisionId, userId, cancellationToken) != LiveRole.Manager)
        {
            return RelayEnd.AccessEnded;
        }
        return session.State switch
        {
            SessionStates.Ended => RelayEnd.SessionEnded,
            SessionStates.Cancelled => RelayEnd.SessionCancelled,
            _ => null,
        };
    }
}
