namespace Lms.Student.Teachback.Scoring;

/// <summary>
/// An explanation that is mostly the rubric pasted back scores at most <see cref="MaxScore"/>, whichever scorer read it.
/// Copied text is what lies in runs of at least <see cref="MinimumRun"/> letters or digits (compacted as the rubric scorer
/// reads them: no spaces, no punctuation) that also occur in a key point or a synonym. Explaining in one's own words
/// shares words with the rubric but few long runs; a copy is long runs end to end. It is scored as a copy, with a
/// weakness that says so, when <see cref="MostlyShare"/> of the explanation is copied, or when more than
/// <see cref="PastedPoints"/> of the key points stand in it whole (<see cref="Whole"/> of a point in one unbroken run):
/// padding a pasted rubric with unrelated sentences lowers its share of the text, not the points pasted.
/// </summary>
public static class CopiedRubric
{
    /// <summary>
    /// "Mostly": 60% or more of the explanation. A learner who says one point in nearly the rubric's words and the rest in
    /// their own stays below it; key points pasted with a few words around them are far above.
    /// </summary>
    public const double MostlyShare = 0.6;

    public const int MaxScore = 30;

    /// <summary>
    /// More than this share of the key points pasted whole is a copy, whatever surrounds them. A learner who happens to
    /// say one point of three in the rubric's exact words stays below it.
    /// </summary>
    public const double PastedPoints = 0.5;

    /// <summary>A key point counts as pasted whole when one unbroken run of the explanation repeats this much of it.</summary>
    public const double Whole = 0.8;

    /// <summary>The shortest run that counts as copied: six Hangul syllables (two or three words), or sixteen Latin letters.</summary>
    public static int MinimumRun(string language) => language == Topics.TopicLanguages.Korean ? 6 : 16;

    /// <summary>0 to 1: the share of the explanation's letters and digits that are copied from the rubric.</summary>
    public static double Share(ScoringInput input)
    {
        var copied = Copied(input, KoreanText.Compact(input.Explanation));
        return copied.Length == 0 ? 0 : (double)copied.Count(c => c) / copied.Length;
    }

    /// <summary>0 to 1: the share of the key points that the explanation repeats whole (see <see cref="Whole"/>).</summary>
    public static double PastedShare(ScoringInput input)
    {
        var text = KoreanText.Compact(input.Explanation);
        var points = input.KeyPoints.Select(KoreanText.Compact).Where(p => p.Length >= MinimumRun(input.Language)).ToList();
        return points.Count == 0 ? 0 : (double)points.Count(p => LongestSharedRun(p, text) >= Whole * p.Length) / points.Count;
    }

    // The longest run of characters the two share, by dynamic programming over one row (a point is short; the text is
    // at most the submission limit).
    private static int LongestSharedRun(string point, string text)
    {
        var previous = new int[text.Length + 1];
        var current = new int[text.Length + 1];
        var longest = 0;
        foreach (var c in point)
        {
            for (var j = 1; j <= text.Length; j++)
            {
                current[j] = text[j - 1] == c ? previous[j - 1] + 1 : 0;
                longest = Math.Max(longest, current[j]);
            }
            (previous, current) = (current, previous);
        }
        return longest;
    }

    private static bool[] Copied(ScoringInput input, string text)
    {
        var run = MinimumRun(input.Language);
        if (text.Length < run)
        {
            return new bool[text.Length];
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

        return copied;
    }

    /// <summary>
    /// The result as it stands, or, for an explanation that is mostly a copy or pastes most key points whole, capped with
    /// the reason as its first weakness. The reason gives no share: an exact figure would confirm any guessed phrase.
    /// </summary>
    public static ScoringResult Cap(ScoringResult result, ScoringInput input)
    {
        if (Share(input) < MostlyShare && PastedShare(input) <= PastedPoints)
        {
            return result;
        }

        var reason = input.Language == Topics.TopicLanguages.Korean
            ? $"설명의 대부분이 채점 기준(핵심 내용)을 그대로 옮긴 글이라 {MaxScore}점까지만 인정됩니다. 자신의 말로 설명해 주세요."
            : $"Most of the explanation repeats the scoring rubric word for word, so it scores at most {MaxScore}. Explain it in your own words.";
        return result with { Score = Math.Min(result.Score, MaxScore), Weaknesses = [reason, .. result.Weaknesses] };
    }
}
