using System.Globalization;

namespace Lms.Student.Teachback.Scoring;

/// <summary>
/// An explanation that is mostly the rubric pasted back scores at most <see cref="MaxScore"/>, whichever scorer read it.
/// Copied text is what lies in runs of at least <see cref="MinimumRun"/> letters or digits (compacted as the rubric scorer
/// reads them: no spaces, no punctuation) that also occur in a key point or a synonym. Explaining in one's own words
/// shares words with the rubric but few long runs; a copy is long runs end to end. From <see cref="MostlyShare"/> of the
/// explanation on, it is scored as a copy, with a weakness that says so.
/// </summary>
public static class CopiedRubric
{
    /// <summary>
    /// "Mostly": 60% or more of the explanation. A learner who says one point in nearly the rubric's words and the rest in
    /// their own stays below it; key points pasted with a few words around them are far above.
    /// </summary>
    public const double MostlyShare = 0.6;

    public const int MaxScore = 30;

    /// <summary>The shortest run that counts as copied: six Hangul syllables (two or three words), or sixteen Latin letters.</summary>
    public static int MinimumRun(string language) => language == Topics.TopicLanguages.Korean ? 6 : 16;

    /// <summary>0 to 1: the share of the explanation's letters and digits that are copied from the rubric.</summary>
    public static double Share(ScoringInput input)
    {
        var text = KoreanText.Compact(input.Explanation);
        var run = MinimumRun(input.Language);
        if (text.Length < run)
        {
            return 0;
        }

        var runs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in input.KeyPoints.Concat(input.Synonyms.Keys).Concat(input.Synonyms.Values.SelectMany(words => words)))
        {
            var compact = KoreanText.Compact(piece);
            for (var i = 0; i + run <= compact.Length; i++)
            {
                runs.Add(compact.Substring(i, run));
            }
        }

        var lookup = runs.GetAlternateLookup<ReadOnlySpan<char>>();
        var copied = new bool[text.Length];
        for (var i = 0; i + run <= text.Length; i++)
        {
            if (lookup.Contains(text.AsSpan(i, run)))
            {
                Array.Fill(copied, true, i, run);
            }
        }

        return (double)copied.Count(c => c) / text.Length;
    }

    /// <summary>The result as it stands, or, for an explanation mostly copied, capped with the reason as its first weakness.</summary>
    public static ScoringResult Cap(ScoringResult result, ScoringInput input)
    {
        var share = Share(input);
        if (share < MostlyShare)
        {
            return result;
        }

        var percent = Percent(share);
        var reason = input.Language == Topics.TopicLanguages.Korean
            ? $"설명의 {percent}가 채점 기준(핵심 내용)을 그대로 옮긴 글이라 {MaxScore}점까지만 인정됩니다. 자신의 말로 설명해 주세요."
            : $"{percent} of the explanation repeats the scoring rubric word for word, so it scores at most {MaxScore}. Explain it in your own words.";
        return result with { Score = Math.Min(result.Score, MaxScore), Weaknesses = [reason, .. result.Weaknesses] };
    }

    /// <summary>A share as a learner reads it: 0.5 → "50%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
