using Lms.Contracts.Live;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Completion;

/// <summary>
/// Stores a learner's attendance of an ended live session and, as attendance is an input of completion, re-evaluates
/// that learner's enrollment. The attendance counts as of the session's end (within the provision's dates).
/// </summary>
public sealed class LiveAttendanceConsumer(StudentDbContext db, TimeProvider clock, CourseCompletion completion, ILogger<LiveAttendanceConsumer> logger)
    : InboxConsumer<LiveAttendanceRecorded, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(LiveAttendanceRecorded message, CancellationToken cancellationToken)
    {
        if (await Db.LiveAttendance.FindAsync([message.ProvisionId, message.UserId, message.SessionId], cancellationToken) is not null)
        {
            return;
        }
        Db.LiveAttendance.Add(new LiveAttendance
        {
            ProvisionId = message.ProvisionId,
            UserId = message.UserId,
            SessionId = message.SessionId,
            Attended = message.Attended,
            Rate = message.Rate,
            SessionEndedAt = message.SessionEndedAt,
        });

        var enrollment = await Db.Enrollments.Where(e => e.ProvisionId == message.ProvisionId && e.UserId == message.UserId)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        var provision = await Db.Provisions.FindAsync([message.ProvisionId], cancellationToken);
        if (enrollment is null || provision is null || await Db.Outlines.FindAsync([provision.CourseId], cancellationToken) is not { } outline)
        {
            return;
        }
        await completion.RefreshAsync(enrollment, provision, outline, cancellationToken, message.SessionEndedAt);
    }
}
