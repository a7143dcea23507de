using Lms.Contracts.Live;
using Lms.Live.Data;
using Lms.Live.Sessions;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Attendance;

/// <summary>
/// Records every ACTIVE enrollee's attendance when a session ends, in the caller's unit of work: the caller saves, so
/// the ENDED state, the rows and the <see cref="LiveAttendanceRecorded"/> events commit together or not at all. A
/// session ends once (its state and concurrency token see to that) and the rows are keyed by (session, user), so a
/// repeated end records nothing twice.
/// </summary>
public static class AttendanceRecorder
{
    public static async Task RecordAsync(LiveDbContext db, LiveSession session, decimal threshold, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session.StartedAt is not { } started || session.EndedAt is not { } ended
            || await db.Attendance.AnyAsync(a => a.SessionId == session.Id, cancellationToken))
        {
            return;
        }

        var enrollees = await db.Enrollments.Where(e => e.ProvisionId == session.ProvisionId && e.Active).Select(e => new { e.UserId, e.EnrollmentId })
            .ToListAsync(cancellationToken);
        var presence = (await db.Presence.AsNoTracking().Where(p => p.SessionId == session.Id).ToListAsync(cancellationToken))
            .ToLookup(p => p.UserId, p => (p.StartedAt, p.LastSeenAt));
        var answers = (await db.QuizAnswers.AsNoTracking().Where(a => a.SessionId == session.Id).ToListAsync(cancellationToken))
            .ToLookup(a => a.UserId);

        foreach (var enrollee in enrollees)
        {
            var userId = enrollee.UserId;
            var figures = AttendanceCalculator.Compute(presence[userId], started, ended, threshold);
            var answered = answers[userId].ToList();
            var row = new SessionAttendance
            {
                SessionId = session.Id,
                UserId = userId,
                PresentSeconds = figures.PresentSeconds,
                LiveSeconds = figures.LiveSeconds,
                Rate = figures.Rate,
                Attended = figures.Attended,
                QuizzesAnswered = answered.Count,
                QuizzesCorrect = answered.Count(a => a.Correct),
                RecordedAt = now,
            };
            db.Attendance.Add(row);
            db.PublishOnSave(new LiveAttendanceRecorded(session.Id, session.ProvisionId, session.InstitutionId, userId, enrollee.EnrollmentId, row.PresentSeconds,
                row.LiveSeconds, row.Rate, row.Attended, row.QuizzesAnswered, row.QuizzesCorrect, ended, now));
        }
    }
}
