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

/// <summary>The whole ordered structure of a course after an edit; learners' views are rebuilt from it.</summary>
public sealed record CourseStructureChanged(
    Guid CourseId,
    Guid InstitutionId,
    long Version,
    IReadOnlyList<CourseChapterSnapshot> Chapters,
    DateTimeOffset ChangedAt);

public sealed record CourseChapterSnapshot(Guid ChapterId, string Title, int Position, IReadOnlyList<CourseItemSnapshot> Items);

public sealed record CourseItemSnapshot(Guid ItemId, string Title, string Kind, Guid? FileId, int? DurationSeconds, bool Required, int Position);
