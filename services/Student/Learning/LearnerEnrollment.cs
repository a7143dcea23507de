using Lms.ServiceDefaults.Time;
using Lms.Student.Courses;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Learning;

/// <summary>An enrollment of the caller with what learning in it needs: the provision's terms and the course outline.</summary>
public sealed record LearnerEnrollment(Enrollment Enrollment, LearningProvision Provision, CourseOutline? Outline)
{
    /// <summary>Someone else's enrollment is indistinguishable from one that does not exist.</summary>
    public static async Task<LearnerEnrollment?> FindAsync(StudentDbContext db, Guid userId, Guid enrollmentId, CancellationToken cancellationToken)
    {
        var enrollment = await db.Enrollments.SingleOrDefaultAsync(e => e.Id == enrollmentId && e.UserId == userId, cancellationToken);
        if (enrollment is null)
        {
            return null;
        }

        var provision = await db.Provisions.SingleAsync(p => p.Id == enrollment.ProvisionId, cancellationToken);
        var outline = await db.Outlines.SingleOrDefaultAsync(o => o.CourseId == provision.CourseId, cancellationToken);
        return new LearnerEnrollment(enrollment, provision, outline);
    }

    /// <summary>Credit is given only to an enrollment still learning, on days of the provision (Korea time).</summary>
    public string? WhyNotLearning(DateTimeOffset now)
    {
        if (Enrollment.State == EnrollmentStates.Cancelled)
        {
            return "The enrollment was cancelled.";
        }

        var today = KoreaTime.Today(now);
        return today < Provision.BeginDate || today > Provision.EndDate
            ? $"The course runs from {Provision.BeginDate:yyyy-MM-dd} to {Provision.EndDate:yyyy-MM-dd}."
            : null;
    }
}
