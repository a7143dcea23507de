using System.ComponentModel.DataAnnotations;
using Lms.Institution.Categories;

namespace Lms.Institution.Courses;

public sealed record CourseRequest(
    [property: Required, MaxLength(200)] string Title,
    [property: Required, MaxLength(100)] string InstructorName,
    [property: Required] string Category,
    [property: Range(1, 365)] int PeriodDays,
    [property: MaxLength(4000)] string? Introduction = null,
    Guid? CoverFileId = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Category is not null && CourseCategories.Find(Category) is null)
        {
            yield return new ValidationResult("Use one of the codes from GET /institution/v1/categories.", [nameof(Category)]);
        }
    }

    public CourseDetails ToDetails() => new(Title, Introduction ?? string.Empty, Category, InstructorName, PeriodDays, CoverFileId);
}

public sealed record CourseResponse(
    Guid Id, Guid InstitutionId, string Title, string Introduction, Category Category, string InstructorName, int PeriodDays,
    Guid? CoverFileId, string State, CompletionRule CompletionRule, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static CourseResponse From(Course c) => new(c.Id, c.InstitutionId, c.Title, c.Introduction,
        CourseCategories.Find(c.CategoryCode) ?? new Category(c.CategoryCode, c.CategoryCode), c.InstructorName, c.PeriodDays,
        c.CoverFileId, c.State, c.CompletionRule, c.CreatedAt, c.UpdatedAt, c.Version);
}

public sealed record CourseSummary(Guid Id, string Title, Category Category, string State, int PeriodDays, DateTimeOffset UpdatedAt);

public sealed record StructureRequest([property: Required] IReadOnlyList<ChapterPlan> Chapters) : IValidatableObject
{
    /// <summary>A chapter lists its items, an empty list for none: a missing list must not save an emptied chapter.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var c = 0; c < (Chapters?.Count ?? 0); c++)
        {
            if (Chapters![c] is { Items: null })
            {
                yield return new ValidationResult("A chapter lists its items ([] for none).", [$"Chapters[{c}].items"]);
            }
        }
    }
}

public sealed record StructureResponse(Guid CourseId, long Version, IReadOnlyList<ChapterView> Chapters)
{
    public static StructureResponse From(Course course) => new(course.Id, course.Version,
        [.. course.Chapters.Select((c, ci) => new ChapterView(c.Id, c.Title, ci + 1,
            [.. c.Items.Select((i, ii) => new ItemView(i.Id, i.Title, i.Kind, i.FileId, i.DurationSeconds, i.Required, ii + 1))]))]);
}

public sealed record ChapterView(Guid Id, string Title, int Position, IReadOnlyList<ItemView> Items);

public sealed record ItemView(Guid Id, string Title, string Kind, Guid? FileId, int? DurationSeconds, bool Required, int Position);

/// <summary>A published course as learners browse it; <c>averageRating</c> is null until someone has rated it.</summary>
public sealed record CatalogItem(
    Guid Id, string Title, Category Category, Guid InstitutionId, string InstitutionName, int PeriodDays, decimal? AverageRating, int Ratings);

/// <summary>One published course for anyone signed in: what it teaches, who teaches it, and how learners rated it.</summary>
public sealed record CatalogCourseView(
    Guid Id, string Title, string Introduction, Category Category, Guid InstitutionId, string InstitutionName, string InstructorName, int PeriodDays,
    Guid? CoverFileId, decimal? AverageRating, int Ratings);

public sealed record CatalogQuery(
    [property: MaxLength(40)] string? Category = null,
    [property: MaxLength(CatalogQuery.MaxQueryLength)] string? Q = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20) : IValidatableObject
{
    public const int MaxQueryLength = 100;

    /// <summary>A category that is not one of the 25 is a mistake, not a filter that finds nothing.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Category) && CourseCategories.Find(Category) is null)
        {
            yield return new ValidationResult("Use one of the codes from GET /institution/v1/categories.", [nameof(Category)]);
        }
    }
}

public sealed record CourseListQuery(
    [property: AllowedValues(null, CourseStates.Draft, CourseStates.Published, CourseStates.Archived)] string? State = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);
