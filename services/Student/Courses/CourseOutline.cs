using Lms.Contracts.Courses;

namespace Lms.Student.Courses;

/// <summary>
/// The student service's copy of a course's ordered structure and completion rule, kept from the institution's
/// <see cref="CourseStructureChanged"/> snapshots (the highest version wins).
/// </summary>
public sealed class CourseOutline
{
    public Guid CourseId { get; set; }

    public Guid InstitutionId { get; set; }

    public IReadOnlyList<CourseChapterSnapshot> Chapters { get; set; } = [];

    public CompletionRuleSnapshot Rule { get; set; } = null!;

    public long Version { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public IEnumerable<CourseItemSnapshot> Items => Chapters.SelectMany(c => c.Items);

    public CourseItemSnapshot? FindItem(Guid itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);

    public IReadOnlyList<Guid> RequiredItemIds => [.. Items.Where(i => i.Required).Select(i => i.ItemId)];
}
