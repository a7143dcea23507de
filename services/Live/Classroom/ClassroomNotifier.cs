using Lms.Live.Data;
using Lms.Live.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Classroom;

/// <summary>
/// Tells everyone joined to a session that its state changed (LIVE, ENDED, CANCELLED), from whichever instance moved
/// it: the send goes through the Redis backplane when there is one.
/// </summary>
public sealed class ClassroomNotifier(IHubContext<ClassroomHub> hub, LiveDbContext db)
{
    public async Task SessionStateAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(db, session.Id, session.State, session.StartedAt, session.EndedAt, cancellationToken);
        await hub.Clients.Group(ClassroomHub.Everyone(session.Id)).SendAsync(ClassroomEvents.SessionState, view, cancellationToken);
    }

    /// <summary><c>sessionState</c>: the state, when it started and ended, and the recording's state once nginx has recorded it.</summary>
    public static async Task<SessionStateView> ViewAsync(LiveDbContext db, Guid sessionId, string state, DateTimeOffset? startedAt,
        DateTimeOffset? endedAt, CancellationToken cancellationToken)
    {
        var recording = state == SessionStates.Ended
            ? await db.Recordings.AsNoTracking().Where(r => r.SessionId == sessionId).Select(r => r.State).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new SessionStateView(sessionId, state, startedAt, endedAt, recording);
    }
}
