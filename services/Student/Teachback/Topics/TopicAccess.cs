using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Teachback.Topics;

public sealed record ActiveCourse(Guid CourseId, string CourseTitle);

/// <summary>Who may practise what: a catalog topic, anyone signed in; a course topic, a learner with an ACTIVE enrollment in that course.</summary>
public static class TopicAccess
{
    /// <summary>The courses of the learner's ACTIVE enrollments, with their titles.</summary>
    public static IQueryable<ActiveCourse> ActiveCourses(StudentDbContext db, Guid userId) =>
        db.Enrollments.AsNoTracking().Where(e => e.UserId == userId && e.State == EnrollmentStates.Active)
            .Join(db.Provisions.AsNoTracking(), e => e.ProvisionId, p => p.Id, (e, p) => new ActiveCourse(p.CourseId, p.CourseTitle));

    public static Task<bool> IsActiveInCourseAsync(StudentDbContext db, Guid userId, Guid courseId, CancellationToken cancellationToken) =>
        db.Enrollments.AsNoTracking().Where(e => e.UserId == userId && e.State == EnrollmentStates.Active)
            .Join(db.Provisions.AsNoTracking().Where(p => p.CourseId == courseId), e => e.ProvisionId, p => p.Id, (e, p) => e.Id)
            .AnyAsync(cancellationToken);

    /// <summary>The topic if the learner may practise it now; a topic they may not is indistinguishable from none.</summary>
    public static async Task<TeachbackTopic?> PractisableAsync(StudentDbContext db, Guid userId, Guid topicId, CancellationToken cancellationToken) =>
        await db.TeachbackTopics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == topicId && !t.Deleted, cancellationToken) is { } topic &&
        (topic.Source == TopicSources.Catalog || await IsActiveInCourseAsync(db, userId, topic.CourseId!.Value, cancellationToken))
            ? topic
            : null;
}
