namespace Lms.Student.Teachback.Scoring;

/// <summary>
/// What a scorer is given: the topic's rubric (key points and synonyms, which learners never see), the prompt learners
/// were shown, and the learner's explanation (typed or transcribed).
/// </summary>
public sealed record ScoringInput(
    string TopicTitle,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms,
    string Language,
    string Explanation,
    string? Prompt = null);

/// <summary>A score 0–100 with what the explanation did well and what it missed, in words a learner can act on.</summary>
public sealed record ScoringResult(int Score, IReadOnlyList<string> Strengths, IReadOnlyList<string> Weaknesses)
{
    /// <summary>For a provider's score: how it compared with the rubric's, kept with the submission.</summary>
    public ScoreCheck? Check { get; init; }
}

/// <summary>
/// A provider's score set beside the offline rubric's score of the same explanation; <paramref name="Overruled"/> when
/// they disagreed so much that the rubric's result was kept instead.
/// </summary>
public sealed record ScoreCheck(int ProviderScore, int RubricScore, bool Overruled);

/// <summary>Scores an explanation against a topic. Throws <see cref="ProviderFailureException"/> with a readable reason when it cannot.</summary>
public interface IScorer
{
    /// <summary>The name kept with each result, so a score can be traced to what produced it.</summary>
    string Name { get; }

    Task<ScoringResult> ScoreAsync(ScoringInput input, CancellationToken cancellationToken);
}

/// <summary>
/// A transcriber or scorer could not do its work; <see cref="Exception.Message"/> is the reason shown to the learner
/// (never a provider's raw error body, which may carry internals).
/// </summary>
public sealed class ProviderFailureException(string reason, Exception? inner = null) : Exception(reason, inner);
