namespace Lms.Student.Teachback.Scoring;

/// <summary>
/// The offline scorer: no key, no network. Each key point is worth the same. A key point counts fully when the
/// explanation uses at least <see cref="CoveredShare"/> of its words (a listed synonym counts as the word; wording and
/// endings differ between people) or its whole phrase; below that it earns the share of its words used. The feedback
/// names the points covered (strengths) and those missed or only touched on (weaknesses) by their number, never by their
/// words: the key points are the rubric, which learners do not see. It measures coverage of the points, not whether what
/// was said about them is right — the provider scorer is for that. An explanation mostly copied from the rubric is capped
/// (<see cref="CopiedRubric"/>).
/// </summary>
public sealed class RubricScorer : IScorer
{
    /// <summary>A key point counts as covered from this share of its words on.</summary>
    public const double CoveredShare = 0.6;

    public const string ScorerName = "rubric";

    public string Name => ScorerName;

    public Task<ScoringResult> ScoreAsync(ScoringInput input, CancellationToken cancellationToken) => Task.FromResult(Score(input));

    public static ScoringResult Score(ScoringInput input) => CopiedRubric.Cap(Points(input, KoreanText.Compact(input.Explanation)), input);

    /// <summary>The coverage score and feedback of a compacted text, before any cap for copying.</summary>
    private static ScoringResult Points(ScoringInput input, string text)
    {
        var synonyms = input.Synonyms
            .Select(s => (Term: KoreanText.Compact(s.Key), Words: s.Value.Select(KoreanText.Compact).Where(w => w.Length > 0).ToList()))
            .Where(s => s.Term.Length > 0)
            .ToList();
        var korean = input.Language == Topics.TopicLanguages.Korean;
        var strengths = new List<string>();
        var weaknesses = new List<string>();
        var credit = 0.0;

        var total = input.KeyPoints.Count;
        for (var i = 0; i < total; i++)
        {
            var (number, share) = (i + 1, Coverage(input.KeyPoints[i], text, synonyms));
            credit += share >= CoveredShare ? 1 : share;
            if (share >= CoveredShare)
            {
                strengths.Add(korean ? $"핵심 내용 {number}번({total}개 중)을 설명했습니다" : $"Covered key point {number} of {total}");
            }
            else if (share > 0)
            {
                // No share: how much of a point's wording matched would let a learner rebuild the rubric word by word.
                weaknesses.Add(korean ? $"핵심 내용 {number}번({total}개 중)은 일부만 설명했습니다" : $"Key point {number} of {total} only partly covered");
            }
            else
            {
                weaknesses.Add(korean ? $"빠진 핵심 내용: {number}번({total}개 중)" : $"Missed key point {number} of {total}");
            }
        }

        var score = total == 0 ? 0 : (int)Math.Round(100 * credit / total, MidpointRounding.AwayFromZero);
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
