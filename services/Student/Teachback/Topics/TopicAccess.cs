using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Teachback.Topics;

public sealed record ActiveCourse(Guid CourseId, string CourseTitle);

/// <summary>
/// Who may practise what: a catalog topic, anyone signed in; a course topic, a learner whose enrollment in that course
/// opens it today (<see cref="CourseAccess"/>: ACTIVE, or COMPLETED and still in the company, until the provision ends).
/// </summary>
public static class TopicAccess
{
    /// <summary>The courses the learner may open today, with their titles.</summary>
    public static IQueryable<ActiveCourse> ActiveCourses(StudentDbContext db, Guid userId, DateOnly today) =>
        CourseAccess.OpenEnrollments(db, userId, today).Select(e => new ActiveCourse(e.CourseId, e.CourseTitle));

    public static Task<bool> IsActiveInCourseAsync(StudentDbContext db, Guid userId, Guid courseId, DateOnly today, CancellationToken cancellationToken) =>
        CourseAccess.OpenEnrollments(db, userId, today).AnyAsync(e => e.CourseId == courseId, cancellationToken);

    /// <summary>The topic if the learner may practise it now; a topic they may not is indistinguishable from none.</summary>
    public static async Task<TeachbackTopic?> PractisableAsync(
        StudentDbContext db, Guid userId, Guid topicId, DateOnly today, CancellationToken cancellationToken) =>
        await db.TeachbackTopics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == topicId && !t.Deleted, cancellationToken) is { } topic &&
        (topic.Source == TopicSources.Catalog || await IsActiveInCourseAsync(db, userId, topic.CourseId!.Value, today, cancellationToken))
            ? topic
            : null;
}
