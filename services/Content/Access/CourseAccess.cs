using System.Linq.Expressions;
using Lms.Content.Data;
using Lms.ServiceDefaults.Data;

namespace Lms.Content.Access;

/// <summary>
/// Which learners open a course's files, in one place. The student service decides the enrollment's state and sends it
/// as events: activated (open, with the provision's end date), cancelled (closed), and for a completed enrollment closed
/// when the learner leaves the company or the roster (<see cref="Lms.Contracts.Enrollments.EnrollmentAccessChanged"/>).
/// Completing changes nothing here, so a completed learner keeps reading the course; every learner's access ends after
/// the provision's end date (Korea time).
/// </summary>
public static class CourseAccess
{
    /// <summary>The rule, one expression: evaluated by the database in queries and in memory by the rule's tests.</summary>
    public static Expression<Func<KnownEnrollment, bool>> Opens(DateOnly today) =>
        e => e.Active && (e.EndDate == null || today <= e.EndDate);

    /// <summary>Applies one enrollment event (the later one wins whatever the order); the end date, once known, stays.</summary>
    public static async Task ApplyAsync(ContentDbContext db, Guid provisionId, Guid userId, Guid courseId, bool open, DateTimeOffset at,
        CancellationToken cancellationToken, DateOnly? endDate = null)
    {
        await LatestEventWins.ApplyAsync(db.Enrollments, [provisionId, userId],
            () => new KnownEnrollment { ProvisionId = provisionId, UserId = userId, CourseId = courseId }, open, at, cancellationToken);
        if (endDate is not null)
        {
            (await db.Enrollments.FindAsync([provisionId, userId], cancellationToken))!.EndDate = endDate;
        }
    }
}
