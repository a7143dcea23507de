using Lms.Contracts.Enrollments;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Enrollments;

/// <summary>
/// Employment ends access: when someone leaves a company or is removed from it, their ACTIVE enrollments in that
/// company's provisions are cancelled at once. Records, progress and certificates stay; content, boards, exams and
/// live sessions follow the <see cref="EnrollmentCancelled"/> events they already project.
/// </summary>
public sealed class CompanyMemberLeftConsumer(StudentDbContext db, TimeProvider clock, ILogger<CompanyMemberLeftConsumer> logger)
    : InboxConsumer<CompanyMemberLeft, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CompanyMemberLeft message, CancellationToken cancellationToken)
    {
        var enrollments = await (
                from enrollment in Db.Enrollments
                join provision in Db.Provisions on enrollment.ProvisionId equals provision.Id
                where enrollment.UserId == message.UserId && provision.CompanyId == message.CompanyId && enrollment.State == EnrollmentStates.Active
                select new { enrollment, provision.CourseId })
            .ToListAsync(cancellationToken);

        foreach (var row in enrollments.Where(r => r.enrollment.Cancel(message.OccurredAt)))
        {
            Db.PublishOnSave(new EnrollmentCancelled(row.enrollment.Id, row.enrollment.UserId, row.enrollment.ProvisionId, row.CourseId, message.OccurredAt));
        }
    }
}
