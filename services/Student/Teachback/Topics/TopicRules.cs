namespace Lms.Student.Teachback.Topics;

public static class TopicLanguages
{
    public const string Korean = "ko";
    public const string English = "en";
}

/// <summary>The limits of a topic and how its lists are tidied before they are kept.</summary>
public static class TopicRules
{
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
}
