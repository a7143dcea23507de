using Lms.Live.Classroom;
using Lms.Live.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Quizzes;

/// <summary><c>leaderboard {sessionId, scope, entries:[{rank, name, correct, answerMs}], me?}</c>.</summary>
public sealed record LeaderboardView(Guid SessionId, string Scope, IReadOnlyList<LeaderboardEntry> Entries, LeaderboardEntry? Me);

public sealed record LeaderboardEntry(int Rank, string? Name, int Correct, long AnswerMs);

/// <summary>
/// Rankings over closed quizzes, per session and per course provision: more correct answers first, then less total
/// answer time. Pushed after each close, once per scope to each person who joined the session (to that person's
/// connections joined to it): the top 10 and, for a ranked learner, their own row.
/// </summary>
public sealed class Leaderboard(LiveDbContext db, IHubContext<ClassroomHub> hub)
{
    public const int Top = 10;

    public async Task PushAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var provisionId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.ProvisionId).SingleAsync(cancellationToken);
        var sessionIds = db.Sessions.Where(s => s.ProvisionId == provisionId).Select(s => s.Id);
        // Everyone who joined has a presence interval (joining records one); a person no longer connected gets nothing.
        var joined = await db.Presence.Where(p => p.SessionId == sessionId).Select(p => p.UserId).Distinct().ToListAsync(cancellationToken);
        foreach (var (scope, sessions) in new[] { ("session", db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Id)), ("provision", sessionIds) })
        {
            var ranked = await RankAsync(sessions, cancellationToken);
            var top = ranked.Take(Top).Select(r => r.Entry).ToList();
            var own = ranked.ToDictionary(r => r.UserId, r => r.Entry);
            foreach (var userId in joined)
            {
                await hub.Clients.Group(ClassroomHub.Viewer(sessionId, userId)).SendAsync(Classroom.ClassroomEvents.Leaderboard,
                    new LeaderboardView(sessionId, scope, top, own.GetValueOrDefault(userId)), cancellationToken);
            }
        }
    }

    private async Task<List<(Guid UserId, LeaderboardEntry Entry)>> RankAsync(IQueryable<Guid> sessions, CancellationToken cancellationToken)
    {
        var closed = db.Quizzes.Where(q => q.State == QuizStates.Closed && sessions.Contains(q.SessionId)).Select(q => q.Id);
        var totals = await db.QuizAnswers.Where(a => closed.Contains(a.QuizId))
            .GroupBy(a => a.UserId)
            .Select(g => new { UserId = g.Key, Correct = g.Count(a => a.Correct), AnswerMs = g.Sum(a => (long)a.AnswerMs) })
            .OrderByDescending(t => t.Correct).ThenBy(t => t.AnswerMs)
            .ToListAsync(cancellationToken);
        var ids = totals.Select(t => t.UserId).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return [.. totals.Select((t, i) => (t.UserId, new LeaderboardEntry(i + 1, names.GetValueOrDefault(t.UserId), t.Correct, t.AnswerMs)))];
    }
}

/// <summary>SignalR addresses a user by the token's subject, the same id every other part of the platform uses.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User?.FindFirst(Lms.ServiceDefaults.Security.LmsClaims.Subject)?.Value;
}
