using Lms.Contracts.Enrollments;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Enrollments;

/// <summary>
/// Employment ends access: when someone leaves a company or is removed from it, every enrollment of theirs in that
/// company's provisions stops opening its course at once. ACTIVE ones are cancelled (<see cref="EnrollmentCancelled"/>);
/// COMPLETED ones stay completed, with their records and certificate, but close (<see cref="EnrollmentAccessChanged"/>).
/// Content, boards, live sessions and teach-back follow those events.
/// </summary>
public sealed class CompanyMemberLeftConsumer(StudentDbContext db, TimeProvider clock, ILogger<CompanyMemberLeftConsumer> logger)
    : InboxConsumer<CompanyMemberLeft, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CompanyMemberLeft message, CancellationToken cancellationToken)
    {
        var enrollments = await (
                from enrollment in Db.Enrollments
                join provision in Db.Provisions on enrollment.ProvisionId equals provision.Id
                where enrollment.UserId == message.UserId && provision.CompanyId == message.CompanyId
                select new { enrollment, provision.CourseId })
            .ToListAsync(cancellationToken);

        foreach (var (enrollment, courseId) in enrollments.Select(r => (r.enrollment, r.CourseId)))
        {
            EnrollmentChanges.Close(Db, enrollment, courseId, message.OccurredAt);
        }
    }
}

/// <summary>The events of an enrollment that opens or closes its course, in one place for leaving and for roster changes.</summary>
public static class EnrollmentChanges
{
    /// <summary>Taken off the roster or out of the company: an ACTIVE enrollment is cancelled, a COMPLETED one closes.</summary>
    public static void Close(StudentDbContext db, Enrollment enrollment, Guid courseId, DateTimeOffset at)
    {
        if (enrollment.Cancel(at))
        {
            db.PublishOnSave(new EnrollmentCancelled(enrollment.Id, enrollment.UserId, enrollment.ProvisionId, courseId, at));
        }
        else if (enrollment.EndAccess(at))
        {
            db.PublishOnSave(new EnrollmentAccessChanged(enrollment.Id, enrollment.UserId, enrollment.ProvisionId, courseId, Open: false, at));
        }
    }
}
