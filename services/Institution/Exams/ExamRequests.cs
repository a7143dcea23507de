using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Lms.Contracts.Exams;

namespace Lms.Institution.Exams;

/// <summary>A whole exam as a manager writes it; POST creates one, PUT replaces one.</summary>
public sealed record ExamRequest(
    [property: Required, MaxLength(200)] string Title,
    [property: Range(1, 600)] int TimeLimitMinutes,
    [property: JsonRequired, Range(0, 100)] int PassScore, // 0 is a valid score, so a missing one must not read as 0
    [property: Range(1, 10)] int AttemptsAllowed,
    [property: Required] IReadOnlyList<QuestionRequest?> Questions,
    [property: MaxLength(4000)] string? Description = null,
    [property: AllowedValues(ExamKinds.Mid, ExamKinds.Final)] string Kind = ExamKinds.Final,
    DateTimeOffset? OpensAt = null,
    DateTimeOffset? ClosesAt = null,
    bool ShuffleQuestions = false,
    bool ShuffleOptions = false,
    bool Required = true,
    [property: Range(1, 100)] int Weight = 1,
    [property: AllowedValues(ExamScoring.Best, ExamScoring.Last)] string Scoring = ExamScoring.Best,
    [property: AllowedValues(AnswerKeyReveals.AfterSubmission, AnswerKeyReveals.AfterClose, AnswerKeyReveals.Never)]
    string AnswerKeyReveal = AnswerKeyReveals.AfterClose) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OpensAt is { } opens && ClosesAt is { } closes && closes <= opens)
        {
            yield return new ValidationResult("The exam must close after it opens.", [nameof(ClosesAt)]);
        }

        foreach (var (field, message) in QuestionSheet.Check(Questions))
        {
            yield return new ValidationResult(message, [field]);
        }
    }

    public ExamDetails ToDetails(IReadOnlyList<ExamQuestion> questions) => new(Title, Description ?? string.Empty, Kind, TimeLimitMinutes,
        PassScore, AttemptsAllowed, OpensAt, ClosesAt, ShuffleQuestions, ShuffleOptions, Required, Weight, Scoring, questions, AnswerKeyReveal);
}

/// <summary>The author's view of an exam, answer keys included, and when learners get to see them.</summary>
public sealed record ExamResponse(
    Guid Id,
    Guid CourseId,
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
    string State,
    int TotalPoints,
    IReadOnlyList<QuestionView> Questions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    long Version,
    string AnswerKeyReveal)
{
    public static ExamResponse From(Exam e) => new(e.Id, e.CourseId, e.Title, e.Description, e.Kind, e.TimeLimitMinutes, e.PassScore,
        e.AttemptsAllowed, e.OpensAt, e.ClosesAt, e.ShuffleQuestions, e.ShuffleOptions, e.Required, e.Weight, e.Scoring, e.State, e.TotalPoints,
        [.. e.Questions.Select((q, i) => new QuestionView(q.Id, i + 1, q.Kind, q.Text, q.Points,
            [.. q.Options.Select(o => new OptionView(o.Id, o.Text, o.Correct))], q.Answers, q.Explanation))],
        e.CreatedAt, e.UpdatedAt, e.PublishedAt, e.Version, e.AnswerKeyReveal);
}

public sealed record QuestionView(
    Guid Id, int Position, string Kind, string Text, int Points, IReadOnlyList<OptionView> Options, IReadOnlyList<string> Answers, string? Explanation);

public sealed record OptionView(Guid Id, string Text, bool Correct);

public sealed record ExamSummary(
    Guid Id, string Title, string Kind, string State, int QuestionCount, int TotalPoints, int TimeLimitMinutes, bool Required, int Weight,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, DateTimeOffset UpdatedAt, long Version);

public sealed record ExamListQuery(
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

/// <summary>One attempt at an exam with who made it, as far as this service's user directory knows them.</summary>
public sealed record AttemptView(
    Guid AttemptId,
    Guid UserId,
    string? Name,
    string? Email,
    Guid EnrollmentId,
    Guid CompanyId,
    int AttemptNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset? Deadline,
    string State,
    decimal? Score,
    bool? Passed,
    bool AutoGraded,
    DateTimeOffset? GradedAt);

public sealed record AttemptListQuery(
    [property: AllowedValues(null, AttemptStates.InProgress, AttemptStates.Graded)] string? State = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);
