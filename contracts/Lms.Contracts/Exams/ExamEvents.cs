namespace Lms.Contracts.Exams;

public static class ExamKinds
{
    /// <summary>Opens at the course rule's mid-course progress.</summary>
    public const string Mid = "MID";

    /// <summary>Opens at the course rule's final progress.</summary>
    public const string Final = "FINAL";
}

public static class QuestionKinds
{
    public const string SingleChoice = "SINGLE";
    public const string MultipleChoice = "MULTIPLE";
    public const string ShortAnswer = "SHORT";
}

public static class ExamScoring
{
    /// <summary>The best graded attempt counts.</summary>
    public const string Best = "BEST";

    /// <summary>The latest graded attempt counts.</summary>
    public const string Last = "LAST";
}

/// <summary>When a learner may see an exam's answer keys, explanations and points per question.</summary>
public static class AnswerKeyReveals
{
    /// <summary>Once the learner has submitted and no retake of theirs could use the keys.</summary>
    public const string AfterSubmission = "AFTER_SUBMISSION";

    /// <summary>Only once the exam's own window has closed, for every company taking it (the default).</summary>
    public const string AfterClose = "AFTER_CLOSE";

    /// <summary>Never: learners see their score only.</summary>
    public const string Never = "NEVER";
}

/// <summary>
/// A published exam, whole and with its answer keys, for the service that runs attempts and grades them. A later
/// <paramref name="Version"/> replaces an earlier one; <paramref name="Withdrawn"/> takes the exam away from learners.
/// <paramref name="AnswerKeyReveal"/> (one of <see cref="AnswerKeyReveals"/>) was added later: a message published
/// before it existed reads as <see cref="AnswerKeyReveals.AfterClose"/>, the institution's default.
/// </summary>
public sealed record ExamPublished(
    Guid ExamId,
    Guid CourseId,
    Guid InstitutionId,
    string Title,
    string Description,
    string Kind,
    int TimeLimitMinutes,
    int PassScore,
    int AttemptsAllowed,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    bool ShuffleQuestions,
    bool ShuffleOptions,
    bool Required,
    int Weight,
    string Scoring,
    IReadOnlyList<ExamQuestionSnapshot> Questions,
    bool Withdrawn,
    long Version,
    DateTimeOffset ChangedAt,
    string AnswerKeyReveal = AnswerKeyReveals.AfterClose);

public sealed record ExamQuestionSnapshot(
    Guid QuestionId,
    string Kind,
    string Text,
    int Points,
    IReadOnlyList<ExamOptionSnapshot> Options,
    IReadOnlyList<string> AcceptedAnswers,
    string? Explanation);

public sealed record ExamOptionSnapshot(Guid OptionId, string Text, bool Correct);

/// <summary>A learner started an attempt; from now on the exam's questions may not change.</summary>
public sealed record ExamAttemptStarted(
    Guid AttemptId,
    Guid ExamId,
    Guid CourseId,
    Guid InstitutionId,
    Guid UserId,
    Guid EnrollmentId,
    Guid CompanyId,
    int AttemptNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline);

/// <summary>An attempt was graded, on submission or automatically after its deadline.</summary>
public sealed record ExamAttemptGraded(
    Guid AttemptId,
    Guid ExamId,
    Guid CourseId,
    Guid InstitutionId,
    Guid UserId,
    Guid EnrollmentId,
    Guid CompanyId,
    int AttemptNumber,
    decimal Score,
    bool Passed,
    bool AutoGraded,
    DateTimeOffset StartedAt,
    DateTimeOffset GradedAt);
