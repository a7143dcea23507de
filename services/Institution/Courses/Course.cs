using Lms.Contracts.Courses;

namespace Lms.Institution.Courses;

/// <summary>
/// A course of an institution with its ordered structure and completion rule. Every change bumps
/// <see cref="Version"/>, which is the optimistic-concurrency token and the ETag.
/// </summary>
public sealed class Course
{
    private Course()
    {
    }

    public Guid Id { get; private set; }

    public Guid InstitutionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Introduction { get; private set; } = string.Empty;

    public string CategoryCode { get; private set; } = string.Empty;

    public string InstructorName { get; private set; } = string.Empty;

    public int PeriodDays { get; private set; }

    public Guid? CoverFileId { get; private set; }

    public string State { get; private set; } = CourseStates.Draft;

    public IReadOnlyList<Chapter> Chapters { get; private set; } = [];

    public CompletionRule CompletionRule { get; private set; } = CompletionRule.Default;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static Course Create(Guid institutionId, CourseDetails details, DateTimeOffset now)
    {
        var course = new Course { Id = Guid.CreateVersion7(), InstitutionId = institutionId, CreatedAt = now, Version = 0 };
        course.Apply(details);
        course.Touch(now);
        return course;
    }

    public CourseRefusal? Edit(CourseDetails details, DateTimeOffset now)
    {
        if (State == CourseStates.Archived)
        {
            return CourseRefusal.WrongState(State, "edited");
        }

        Apply(details);
        Touch(now);
        return null;
    }

    public CourseRefusal? ReplaceStructure(IReadOnlyList<Chapter> chapters, DateTimeOffset now)
    {
        if (State == CourseStates.Archived)
        {
            return CourseRefusal.WrongState(State, "edited");
        }

        Chapters = chapters;
        Touch(now);
        return null;
    }

    public CourseRefusal? SetCompletionRule(CompletionRule rule, DateTimeOffset now)
    {
        if (State == CourseStates.Archived)
        {
            return CourseRefusal.WrongState(State, "edited");
        }

        CompletionRule = rule;
        Touch(now);
        return null;
    }

    /// <summary>Only a draft with at least one item can be published.</summary>
    public CourseRefusal? Publish(DateTimeOffset now)
    {
        if (State != CourseStates.Draft)
        {
            return CourseRefusal.WrongState(State, "published");
        }

        if (!Chapters.Any(c => c.Items.Count > 0))
        {
            return new CourseRefusal("course-empty", "Add at least one content item before publishing.");
        }

        State = CourseStates.Published;
        Touch(now);
        return null;
    }

    /// <summary>Archiving is soft: the course leaves the catalog but stays readable by those enrolled.</summary>
    public CourseRefusal? Archive(DateTimeOffset now)
    {
        if (State != CourseStates.Published)
        {
            return CourseRefusal.WrongState(State, "archived");
        }

        State = CourseStates.Archived;
        Touch(now);
        return null;
    }

    public CourseCatalogChanged ToCatalogEvent(string institutionName) =>
        new(Id, InstitutionId, institutionName, Title, CategoryCode, PeriodDays, State, Version, UpdatedAt);

    public CourseStructureChanged ToStructureEvent() => new(Id, InstitutionId, Version,
        [.. Chapters.Select((c, ci) => new CourseChapterSnapshot(c.Id, c.Title, ci + 1,
            [.. c.Items.Select((i, ii) => new CourseItemSnapshot(i.Id, i.Title, i.Kind, i.FileId, i.DurationSeconds, i.Required, ii + 1))]))],
        CompletionRule.ToSnapshot(), UpdatedAt);

    private void Apply(CourseDetails details)
    {
        Title = details.Title.Trim();
        Introduction = details.Introduction.Trim();
        CategoryCode = details.CategoryCode;
        InstructorName = details.InstructorName.Trim();
        PeriodDays = details.PeriodDays;
        CoverFileId = details.CoverFileId;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

public sealed record CourseDetails(string Title, string Introduction, string CategoryCode, string InstructorName, int PeriodDays, Guid? CoverFileId);
