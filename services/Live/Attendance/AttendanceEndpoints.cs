using System.Security.Claims;
using Lms.Live.Data;
using Lms.Live.Sessions;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Attendance;

/// <summary>A student's attendance of one ended session; <c>Rate</c> is present ÷ live seconds (0–1).</summary>
public sealed record AttendanceRow(
    Guid UserId, string Name, long PresentSeconds, decimal Rate, bool Attended, int QuizzesAnswered, int QuizzesCorrect);

/// <summary>An ended session's attendance: how long it was live and each enrollee's figures.</summary>
public sealed record SessionAttendanceResponse(Guid SessionId, long LiveSeconds, IReadOnlyList<AttendanceRow> Students);

public static class AttendanceEndpoints
{
    public static RouteGroupBuilder MapAttendanceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/sessions").RequireAuthorization().WithTags("Live sessions")
            .MapGet("/{id:guid}/attendance", GetAsync)
            .WithSummary("Each enrollee's attendance of an ENDED session: present seconds, rate, attended, quizzes answered and correct (managers)");
        return api;
    }

    internal static async Task<Results<Ok<SessionAttendanceResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, LiveDbContext db, CancellationToken cancellationToken)
    {
        var (session, problem) = await SessionEndpoints.ManagedSessionAsync(db, id, caller.GetUserId(), cancellationToken);
        if (session is null)
        {
            return problem!;
        }
        // Attendance is computed once, when the session ends; before that there is nothing final to show.
        if (session.State != SessionStates.Ended)
        {
            return SessionEndpoints.Refused(new SessionRefusal("session-state", $"A {session.State} session has no attendance yet."));
        }

        var rows = await db.Attendance.AsNoTracking().Where(a => a.SessionId == id)
            .GroupJoin(db.Users.AsNoTracking(), a => a.UserId, u => u.Id, (a, users) => new { a, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.a, Name = u == null ? null : u.Name })
            .ToListAsync(cancellationToken);
        var students = rows.OrderBy(r => r.Name ?? string.Empty, StringComparer.Ordinal).ThenBy(r => r.a.UserId)
            .Select(r => new AttendanceRow(r.a.UserId, r.Name ?? string.Empty, r.a.PresentSeconds, r.a.Rate, r.a.Attended, r.a.QuizzesAnswered,
                r.a.QuizzesCorrect))
            .ToList();
        var liveSeconds = session.LiveDuration(session.EndedAt!.Value) is { } duration ? (long)duration.TotalSeconds : 0;
        return TypedResults.Ok(new SessionAttendanceResponse(id, liveSeconds, students));
    }
}
