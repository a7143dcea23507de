namespace Lms.Student.Ratings;

/// <summary>A learner's rating of a course they completed: once per enrollment.</summary>
public sealed class CourseRating
{
    private CourseRating()
    {
    }

    public Guid EnrollmentId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid CourseId { get; private set; }

    public int Stars { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    public static CourseRating Rate(Guid enrollmentId, Guid userId, Guid courseId, int stars, string? comment, DateTimeOffset now) =>
        new() { EnrollmentId = enrollmentId, UserId = userId, CourseId = courseId, Stars = stars, Comment = comment, RatedAt = now };
}
