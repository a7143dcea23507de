using System.Linq.Expressions;
using Lms.Student.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Enrollments;

/// <summary>An enrollment of a learner with what decides whether it opens its course.</summary>
public sealed class EnrollmentTerms
{
    public Guid EnrollmentId { get; init; }

    public Guid CourseId { get; init; }

    public string CourseTitle { get; init; } = string.Empty;

    public string State { get; init; } = string.Empty;

    public DateTimeOffset? AccessEndedAt { get; init; }

    /// <summary>The provision's last day (Korea time).</summary>
    public DateOnly EndDate { get; init; }
}

/// <summary>
/// Who may open a course here (its teach-back topics; the content, board and live services apply the same rule to their
/// projections of the enrollment events): a learner whose enrollment is ACTIVE, or COMPLETED and still theirs (they have
/// not left the company or the roster since), until the provision's end date. Completing keeps the course open for
/// review; leaving closes every enrollment of that company at once; records, certificates and rankings stay.
/// </summary>
public static class CourseAccess
{
    /// <summary>The rule, one expression: evaluated by the database in queries and in memory by the rule's tests.</summary>
    public static Expression<Func<EnrollmentTerms, bool>> Opens(DateOnly today) =>
        t => (t.State == EnrollmentStates.Active || (t.State == EnrollmentStates.Completed && t.AccessEndedAt == null)) && today <= t.EndDate;

    /// <summary>The learner's enrollments that open their course today.</summary>
    public static IQueryable<EnrollmentTerms> OpenEnrollments(StudentDbContext db, Guid userId, DateOnly today) =>
        (from enrollment in db.Enrollments.AsNoTracking()
         where enrollment.UserId == userId
         join provision in db.Provisions.AsNoTracking() on enrollment.ProvisionId equals provision.Id
         select new EnrollmentTerms
         {
             EnrollmentId = enrollment.Id,
             CourseId = provision.CourseId,
             CourseTitle = provision.CourseTitle,
             State = enrollment.State,
             AccessEndedAt = enrollment.AccessEndedAt,
             EndDate = provision.EndDate,
         }).Where(Opens(today));
}
