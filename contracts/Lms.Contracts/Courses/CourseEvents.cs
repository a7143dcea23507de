namespace Lms.Contracts.Courses;

/// <summary>
/// A snapshot of a course's catalog entry after any change (created, edited, published, archived). Services
/// that show or sell courses keep the highest <paramref name="Version"/> they have seen.
/// </summary>
public sealed record CourseCatalogChanged(
    Guid CourseId,
    Guid InstitutionId,
    string InstitutionName,
    string Title,
    string CategoryCode,
    int PeriodDays,
    string State,
    long Version,
    DateTimeOffset ChangedAt);

/// <summary>
/// The whole ordered structure of a course and its completion rule after either changes; learners' views and
/// progress are rebuilt from it.
/// </summary>
public sealed record CourseStructureChanged(
    Guid CourseId,
    Guid InstitutionId,
    long Version,
    IReadOnlyList<CourseChapterSnapshot> Chapters,
    CompletionRuleSnapshot CompletionRule,
    DateTimeOffset ChangedAt);

/// <summary>The thresholds a learner must reach to complete the course (see DOMAIN.md, Courses).</summary>
public sealed record CompletionRuleSnapshot(
    int VideoProgressPercent,
    int CourseProgressPercent,
    int EvaluationPassScore,
    int? LiveAttendancePercent,
    int DailyItemCap,
    int MidExamUnlockPercent,
    int FinalExamUnlockPercent);

public sealed record CourseChapterSnapshot(Guid ChapterId, string Title, int Position, IReadOnlyList<CourseItemSnapshot> Items);

public sealed record CourseItemSnapshot(Guid ItemId, string Title, string Kind, Guid? FileId, int? DurationSeconds, bool Required, int Position);
