namespace Lms.Institution.Courses;

/// <summary>DRAFT → PUBLISHED → ARCHIVED, sent and stored as these words.</summary>
public static class CourseStates
{
    public const string Draft = "DRAFT";
    public const string Published = "PUBLISHED";
    public const string Archived = "ARCHIVED";
}

/// <summary>A refusal of the course rules, with a stable problem type.</summary>
public sealed record CourseRefusal(string Type, string Title, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static CourseRefusal WrongState(string state, string action) =>
        new("course-state", $"A {state} course cannot be {action}.");
}
