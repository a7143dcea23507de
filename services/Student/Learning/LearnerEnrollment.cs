using Lms.ServiceDefaults.Time;
using Lms.Student.Courses;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Learning;

/// <summary>An enrollment of the caller with what learning in it needs: the provision's terms and the course outline.</summary>
public sealed record LearnerEnrollment(Enrollment Enrollment, LearningProvision Provision, CourseOutline? Outline)
{
    /// <summary>
    /// Someone else's enrollment is indistinguishable from one that does not exist. One round trip rather than
    /// three: every heartbeat starts here.
    /// </summary>
    public static async Task<LearnerEnrollment?> FindAsync(StudentDbContext db, Guid userId, Guid enrollmentId, CancellationToken cancellationToken)
    {
        var found = await (
            from enrollment in db.Enrollments
            where enrollment.Id == enrollmentId && enrollment.UserId == userId
            join provision in db.Provisions on enrollment.ProvisionId equals provision.Id
            join outline in db.Outlines on provision.CourseId equals outline.CourseId into outlines
            from outline in outlines.DefaultIfEmpty()
            select new { enrollment, provision, outline }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new LearnerEnrollment(found.enrollment, found.provision, found.outline);
    }

    /// <summary>
    /// Credit is given only to an enrollment still learning, on days of the provision (Korea time); a completed one still
    /// open (<see cref="IsReviewing"/>) is answered without credit.
    /// </summary>
    public string? WhyNotLearning(DateTimeOffset now)
    {
        if (Enrollment.State == EnrollmentStates.Cancelled)
        {
            return "The enrollment was cancelled.";
        }

        if (Enrollment.AccessEndedAt is not null)
        {
            return "You left the company or the course's roster; your completion and certificate stay.";
        }

        var today = KoreaTime.Today(now);
        return today < Provision.BeginDate || today > Provision.EndDate
            ? $"The course runs from {Provision.BeginDate:yyyy-MM-dd} to {Provision.EndDate:yyyy-MM-dd}."
            : null;
    }

    /// <summary>
    /// A completed learner reviewing the course: what they watch or open is answered as it stands and earns nothing (no
    /// item progress, no daily-cap use, no progress events); the completion and certificate are final.
    /// </summary>
    public bool IsReviewing => Enrollment.State == EnrollmentStates.Completed;
}
