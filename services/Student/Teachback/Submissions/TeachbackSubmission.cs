using Lms.Student.Teachback.Scoring;

namespace Lms.Student.Teachback.Submissions;

public static class TeachbackStatuses
{
    public const string Pending = "PENDING";
    public const string Succeeded = "SUCCEEDED";
    public const string NoSpeech = "NO_SPEECH";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
}

/// <summary>
/// One explanation of a topic by a learner: typed text, or a recording to transcribe. PENDING until processing or the
/// sweeper ends it, once, in SUCCEEDED (with a score and feedback), NO_SPEECH, FAILED or TIMED_OUT (with a reason).
/// The row version makes the processor and the sweeper unable to both end it.
/// </summary>
public sealed class TeachbackSubmission
{
    public const int MaxTextLength = 20_000;

    private TeachbackSubmission()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid TopicId { get; private set; }

    /// <summary>The topic's course, for the course ranking; null for a catalog topic.</summary>
    public Guid? CourseId { get; private set; }

    public Guid? FileId { get; private set; }

    public string Status { get; private set; } = TeachbackStatuses.Pending;

    public string? Reason { get; private set; }

    /// <summary>The typed text, or the recording's transcript once made.</summary>
    public string? Transcript { get; private set; }

    public int? Score { get; private set; }

    public IReadOnlyList<string> Strengths { get; private set; } = [];

    public IReadOnlyList<string> Weaknesses { get; private set; } = [];

    /// <summary>What produced the score (<c>rubric</c>, <c>openai:model</c>); <c>rubric</c> too when the rubric overruled the model.</summary>
    public string? ScoredBy { get; private set; }

    /// <summary>A model's score as it answered, checked against <see cref="RubricScore"/>; null for the offline scorer.</summary>
    public int? ProviderScore { get; private set; }

    /// <summary>The offline rubric's score of the same explanation, when a model's score was checked against it.</summary>
    public int? RubricScore { get; private set; }

    /// <summary>The model's score strayed too far from the rubric's, so the rubric's result is the one kept.</summary>
    public bool Overruled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int? HelpfulnessStars { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsPending => Status == TeachbackStatuses.Pending;

    public static TeachbackSubmission OfText(Guid userId, Guid topicId, Guid? courseId, string text, DateTimeOffset now, TimeSpan deadline) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, TopicId = topicId, CourseId = courseId, Transcript = text.Trim(), CreatedAt = now, Deadline = now + deadline };

    public static TeachbackSubmission OfRecording(Guid userId, Guid topicId, Guid? courseId, Guid fileId, DateTimeOffset now, TimeSpan deadline) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, TopicId = topicId, CourseId = courseId, FileId = fileId, CreatedAt = now, Deadline = now + deadline };

    public bool Succeed(string transcript, int score, IReadOnlyList<string> strengths, IReadOnlyList<string> weaknesses, string scoredBy, DateTimeOffset now,
        ScoreCheck? check = null)
    {
        if (!IsPending)
        {
            return false;
        }

        Transcript = transcript;
        Score = Math.Clamp(score, 0, 100);
        Strengths = strengths;
        Weaknesses = weaknesses;
        ScoredBy = check is { Overruled: true } ? RubricScorer.ScorerName : scoredBy;
        ProviderScore = check?.ProviderScore;
        RubricScore = check?.RubricScore;
        Overruled = check?.Overruled ?? false;
        return Finish(TeachbackStatuses.Succeeded, null, now);
    }

    /// <summary>Ends without a score: NO_SPEECH or FAILED, with the reason shown to the learner.</summary>
    public bool EndUnscored(string status, string reason, string? transcript, DateTimeOffset now)
    {
        if (!IsPending || status is not (TeachbackStatuses.NoSpeech or TeachbackStatuses.Failed or TeachbackStatuses.TimedOut))
        {
            return false;
        }

        Transcript = transcript ?? Transcript;
        return Finish(status, reason, now);
    }

    /// <summary>The sweeper's rule: still PENDING past the deadline.</summary>
    public bool TimeOut(DateTimeOffset now) =>
        IsPending && now >= Deadline &&
        EndUnscored(TeachbackStatuses.TimedOut, $"not processed within {(Deadline - CreatedAt).TotalMinutes:0.#} minutes", null, now);

    /// <summary>Helpfulness of the feedback, 1–5, once; only a scored submission has feedback to rate.</summary>
    public string? Rate(int stars, DateTimeOffset now)
    {
        if (Status != TeachbackStatuses.Succeeded)
        {
            return "Only a scored explanation has feedback to rate.";
        }

        if (HelpfulnessStars is not null)
        {
            return "This feedback has already been rated.";
        }

        HelpfulnessStars = stars;
        RatedAt = now;
        Version++;
        return null;
    }

    private bool Finish(string status, string? reason, DateTimeOffset now)
    {
        Status = status;
        Reason = reason;
        FinishedAt = now;
        Version++;
        return true;
    }
}
