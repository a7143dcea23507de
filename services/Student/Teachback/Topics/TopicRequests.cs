using System.ComponentModel.DataAnnotations;

namespace Lms.Student.Teachback.Topics;

/// <summary>
/// A free-practice catalog topic: where it sits (major → subject), what learners are asked (the prompt), and what an
/// explanation of it should cover (the key points and synonyms: the rubric, which learners never see).
/// </summary>
public sealed record CatalogTopicRequest(
    [property: Required, MaxLength(100)] string Major,
    [property: Required, MaxLength(100)] string Subject,
    [property: Required, MaxLength(200)] string Title,
    [property: Required, MinLength(1), MaxLength(TopicRules.MaxKeyPoints)] IReadOnlyList<string> KeyPoints,
    IReadOnlyDictionary<string, IReadOnlyList<string>?>? Synonyms,
    [property: AllowedValues(null, TopicLanguages.Korean, TopicLanguages.English)] string? Language,
    [property: MaxLength(TopicRules.MaxPromptLength)] string? Prompt = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (field, value) in new[] { ("major", Major), ("subject", Subject), ("title", Title) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult("Give a value that is not only spaces.", [field]);
            }
        }

        foreach (var problem in TopicChecks.KeyPointsAndSynonyms(KeyPoints, Synonyms))
        {
            yield return problem;
        }
    }
}

/// <summary>Checks shared by catalog topics and (in the institution service, by the same rules) course topics.</summary>
public static class TopicChecks
{
    public static IEnumerable<ValidationResult> KeyPointsAndSynonyms(IReadOnlyList<string?>? keyPoints, IReadOnlyDictionary<string, IReadOnlyList<string>?>? synonyms)
    {
        if (keyPoints is not null)
        {
            if (TopicRules.CleanKeyPoints(keyPoints).Count == 0)
            {
                yield return new ValidationResult("Give at least one key point.", ["keyPoints"]);
            }

            for (var i = 0; i < keyPoints.Count; i++)
            {
                if (keyPoints[i] is { Length: > TopicRules.MaxKeyPointLength })
                {
                    yield return new ValidationResult($"A key point has at most {TopicRules.MaxKeyPointLength} characters.", [$"keyPoints[{i}]"]);
                }
            }
        }

        if (synonyms is null)
        {
            yield break;
        }

        if (synonyms.Count > TopicRules.MaxSynonymTerms)
        {
            yield return new ValidationResult($"At most {TopicRules.MaxSynonymTerms} terms have synonyms.", ["synonyms"]);
        }

        foreach (var (term, words) in synonyms)
        {
            if (term.Length > TopicRules.MaxSynonymLength || (words?.Count ?? 0) > TopicRules.MaxSynonymsPerTerm ||
                (words ?? []).Any(w => w is null || w.Length > TopicRules.MaxSynonymLength))
            {
                yield return new ValidationResult(
                    $"A term and its synonyms have at most {TopicRules.MaxSynonymLength} characters each, and a term at most {TopicRules.MaxSynonymsPerTerm} synonyms.",
                    [$"synonyms.{term}"]);
            }
        }
    }
}

/// <summary>
/// A topic as a learner sees it: the title and the prompt, never the rubric (key points and synonyms), so an
/// explanation cannot be the rubric pasted back.
/// </summary>
public sealed record TopicView(Guid Id, string Source, Guid? CourseId, string? Major, string? Subject, string Title, string? Prompt, string Language)
{
    public static TopicView Of(TeachbackTopic t) => new(t.Id, t.Source, t.CourseId, t.Major, t.Subject, t.Title, t.Prompt, t.Language);
}

/// <summary>A catalog topic as the admins who curate it see it: with its rubric.</summary>
public sealed record CatalogTopicView(
    Guid Id, string Major, string Subject, string Title, string? Prompt, IReadOnlyList<string> KeyPoints,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms, string Language, long Version, DateTimeOffset ChangedAt)
{
    public static CatalogTopicView Of(TeachbackTopic t) =>
        new(t.Id, t.Major!, t.Subject!, t.Title, t.Prompt, t.KeyPoints, t.Synonyms, t.Language, t.Version, t.ChangedAt);
}

public sealed record CourseTopics(Guid CourseId, string CourseTitle, IReadOnlyList<TopicView> Topics);

public sealed record CatalogSubject(string Subject, IReadOnlyList<TopicView> Topics);

public sealed record CatalogMajor(string Major, IReadOnlyList<CatalogSubject> Subjects);

/// <summary>What a learner may practise: the topics of their courses (ACTIVE enrollments) and the catalog.</summary>
public sealed record TopicsResponse(IReadOnlyList<CourseTopics> Courses, IReadOnlyList<CatalogMajor> Catalog);

public sealed record TopicQuery(Guid? CourseId);
