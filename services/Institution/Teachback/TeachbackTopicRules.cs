using System.ComponentModel.DataAnnotations;

namespace Lms.Institution.Teachback;

/// <summary>The limits of a topic and how its lists are tidied (the student service keeps its catalog by the same rules).</summary>
public static class TeachbackTopicRules
{
    public const string Korean = "ko";
    public const string English = "en";
    public const int MaxPromptLength = 2000;
    public const int MaxKeyPoints = 20;
    public const int MaxKeyPointLength = 300;
    public const int MaxSynonymTerms = 50;
    public const int MaxSynonymsPerTerm = 10;
    public const int MaxSynonymLength = 100;

    /// <summary>The prompt learners read, trimmed; one of only spaces is no prompt.</summary>
    public static string? CleanPrompt(string? prompt) => string.IsNullOrWhiteSpace(prompt) ? null : prompt.Trim();

    public static IReadOnlyList<string> CleanKeyPoints(IEnumerable<string?>? keyPoints) =>
        [.. (keyPoints ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.Ordinal)];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CleanSynonyms(IReadOnlyDictionary<string, IReadOnlyList<string>?>? synonyms) =>
        (synonyms ?? new Dictionary<string, IReadOnlyList<string>?>())
        .Where(s => !string.IsNullOrWhiteSpace(s.Key))
        .GroupBy(s => s.Key.Trim(), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, IReadOnlyList<string> (g) => [.. g.SelectMany(s => s.Value ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal)],
            StringComparer.Ordinal);

    public static IEnumerable<ValidationResult> Check(string? title, IReadOnlyList<string?>? keyPoints, IReadOnlyDictionary<string, IReadOnlyList<string>?>? synonyms)
    {
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            yield return new ValidationResult("Give a title that is not only spaces.", ["title"]);
        }

        if (keyPoints is not null)
        {
            if (CleanKeyPoints(keyPoints).Count == 0)
            {
                yield return new ValidationResult("Give at least one key point.", ["keyPoints"]);
            }

            for (var i = 0; i < keyPoints.Count; i++)
            {
                if (keyPoints[i] is { Length: > MaxKeyPointLength })
                {
                    yield return new ValidationResult($"A key point has at most {MaxKeyPointLength} characters.", [$"keyPoints[{i}]"]);
                }
            }
        }

        if (synonyms is null)
        {
            yield break;
        }

        if (synonyms.Count > MaxSynonymTerms)
        {
            yield return new ValidationResult($"At most {MaxSynonymTerms} terms have synonyms.", ["synonyms"]);
        }

        foreach (var (term, words) in synonyms)
        {
            if (term.Length > MaxSynonymLength || (words?.Count ?? 0) > MaxSynonymsPerTerm || (words ?? []).Any(w => w is null || w.Length > MaxSynonymLength))
            {
                yield return new ValidationResult(
                    $"A term and its synonyms have at most {MaxSynonymLength} characters each, and a term at most {MaxSynonymsPerTerm} synonyms.",
                    [$"synonyms.{term}"]);
            }
        }
    }
}

/// <summary>
/// A course's teach-back topic: its title and the prompt learners read (what to explain, e.g. questions to answer), and
/// the rubric they never see: the key points an explanation should cover and synonyms of their words; the language
/// (Korean by default).
/// </summary>
public sealed record TeachbackTopicRequest(
    [property: Required, MaxLength(200)] string Title,
    [property: Required, MinLength(1), MaxLength(TeachbackTopicRules.MaxKeyPoints)] IReadOnlyList<string> KeyPoints,
    IReadOnlyDictionary<string, IReadOnlyList<string>?>? Synonyms,
    [property: AllowedValues(null, TeachbackTopicRules.Korean, TeachbackTopicRules.English)] string? Language,
    [property: MaxLength(TeachbackTopicRules.MaxPromptLength)] string? Prompt = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => TeachbackTopicRules.Check(Title, KeyPoints, Synonyms);
}

/// <summary>A topic as its managers author it: the prompt learners read and the rubric they never see.</summary>
public sealed record TeachbackTopicResponse(
    Guid Id, Guid CourseId, string Title, string? Prompt, IReadOnlyList<string> KeyPoints, IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms,
    string Language, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TeachbackTopicResponse From(CourseTeachbackTopic t) =>
        new(t.Id, t.CourseId, t.Title, t.Prompt, t.KeyPoints, t.Synonyms, t.Language, t.Version, t.CreatedAt, t.UpdatedAt);
}
