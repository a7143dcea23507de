using Lms.Contracts.Enrollments;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Enrollments;

/// <summary>
/// Keeps enrollments in step with registered provisions: one ACTIVE enrollment per rostered employee once the
/// institution approves the roster, cancelled when someone is taken off it (a completed one closes instead, see
/// <see cref="EnrollmentChanges"/>), reactivated (or opened again) if they come back.
/// </summary>
public sealed class CourseProvisionChangedConsumer(StudentDbContext db, TimeProvider clock, ILogger<CourseProvisionChangedConsumer> logger)
    : InboxConsumer<CourseProvisionChanged, StudentDbContext>(db, clock, logger)
{
    private static readonly HashSet<string> Enrolling = [ProvisionStates.Registered, ProvisionStates.InProgress, ProvisionStates.Finished];

    protected override async Task HandleAsync(CourseProvisionChanged message, CancellationToken cancellationToken)
    {
        var provision = await Db.Provisions.FindAsync([message.ProvisionId], cancellationToken);
        if (provision is null)
        {
            provision = new LearningProvision { Id = message.ProvisionId };
            Db.Provisions.Add(provision);
        }
        else if (provision.Version >= message.Version)
        {
            return;
        }

        provision.CourseId = message.CourseId;
        provision.CourseTitle = message.CourseTitle;
        provision.InstitutionId = message.InstitutionId;
        provision.InstitutionName = message.InstitutionName;
        provision.CompanyId = message.CompanyId;
        provision.BeginDate = message.BeginDate;
        provision.EndDate = message.EndDate;
        provision.State = message.State;
        provision.Version = message.Version;

        if (Enrolling.Contains(message.State))
        {
            await MatchRosterAsync(message, cancellationToken);
        }
    }

    private async Task MatchRosterAsync(CourseProvisionChanged message, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var roster = message.Roster.ToHashSet();
        var enrollments = await Db.Enrollments.Where(e => e.ProvisionId == message.ProvisionId).ToListAsync(cancellationToken);

        foreach (var enrollment in enrollments)
        {
            if (!roster.Contains(enrollment.UserId))
            {
                EnrollmentChanges.Close(Db, enrollment, message.CourseId, now);
            }
            else if (enrollment.Reactivate(now))
            {
                Db.PublishOnSave(new EnrollmentActivated(enrollment.Id, enrollment.UserId, message.ProvisionId, message.CourseId,
                    message.CompanyId, message.InstitutionId, now, message.EndDate));
            }
            else if (enrollment.RestoreAccess())
            {
                Db.PublishOnSave(new EnrollmentAccessChanged(enrollment.Id, enrollment.UserId, message.ProvisionId, message.CourseId, Open: true, now));
            }
        }

        foreach (var userId in roster.Except(enrollments.Select(e => e.UserId)))
        {
            var enrollment = Enrollment.Activate(userId, message.ProvisionId, now);
            Db.Enrollments.Add(enrollment);
            Db.PublishOnSave(new EnrollmentActivated(enrollment.Id, userId, message.ProvisionId, message.CourseId,
                message.CompanyId, message.InstitutionId, now, message.EndDate));
        }
    }
}
