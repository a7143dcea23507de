using System.Globalization;

namespace Lms.Student.Teachback.Scoring;

/// <summary>
/// The offline scorer: no key, no network. Each key point is worth the same. A key point counts fully when the
/// explanation uses at least <see cref="CoveredShare"/> of its words (a listed synonym counts as the word; wording and
/// endings differ between people) or its whole phrase; below that it earns the share of its words used. The feedback names the points covered (strengths) and those missed or only touched on
/// (weaknesses). It measures coverage of the points, not whether what was said about them is right — the provider
/// scorer is for that.
/// </summary>
public sealed class RubricScorer : IScorer
{
    /// <summary>A key point counts as covered from this share of its words on.</summary>
    public const double CoveredShare = 0.6;

    public string Name => "rubric";

    public Task<ScoringResult> ScoreAsync(ScoringInput input, CancellationToken cancellationToken) => Task.FromResult(Score(input));

    public static ScoringResult Score(ScoringInput input)
    {
        var text = KoreanText.Compact(input.Explanation);
        var synonyms = input.Synonyms
            .Select(s => (Term: KoreanText.Compact(s.Key), Words: s.Value.Select(KoreanText.Compact).Where(w => w.Length > 0).ToList()))
            .Where(s => s.Term.Length > 0)
            .ToList();
        var korean = input.Language == Topics.TopicLanguages.Korean;
        var strengths = new List<string>();
        var weaknesses = new List<string>();
        var credit = 0.0;

        foreach (var point in input.KeyPoints)
        {
            var share = Coverage(point, text, synonyms);
            credit += share >= CoveredShare ? 1 : share;
            if (share >= CoveredShare)
            {
                strengths.Add(korean ? $"핵심 내용을 설명했습니다: {point}" : $"Covered: {point}");
            }
            else if (share > 0)
            {
                weaknesses.Add(korean
                    ? $"일부만 설명했습니다 ({share.ToString("P0", CultureInfo.InvariantCulture)}): {point}"
                    : $"Only partly covered ({share.ToString("P0", CultureInfo.InvariantCulture)}): {point}");
            }
            else
            {
                weaknesses.Add(korean ? $"빠진 핵심 내용: {point}" : $"Missed: {point}");
            }
        }

        var score = input.KeyPoints.Count == 0 ? 0 : (int)Math.Round(100 * credit / input.KeyPoints.Count, MidpointRounding.AwayFromZero);
        return new ScoringResult(Math.Clamp(score, 0, 100), strengths, weaknesses);
    }

    /// <summary>0 to 1: how much of one key point the compacted explanation covers.</summary>
    internal static double Coverage(string point, string text, IReadOnlyList<(string Term, List<string> Words)> synonyms)
    {
        if (Mentions(text, KoreanText.Compact(point), synonyms))
        {
            return 1;
        }

        var words = KoreanText.Words(point);
        return words.Count == 0 ? 0 : (double)words.Count(w => Mentions(text, w, synonyms)) / words.Count;
    }

    private static bool Mentions(string text, string word, IReadOnlyList<(string Term, List<string> Words)> synonyms) =>
        word.Length > 0 && (text.Contains(word, StringComparison.Ordinal) ||
                            synonyms.Any(s => (s.Term == word || KoreanText.StripParticle(s.Term) == word) && s.Words.Any(w => text.Contains(w, StringComparison.Ordinal))));
}
