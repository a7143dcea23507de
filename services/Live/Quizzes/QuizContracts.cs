using System.ComponentModel.DataAnnotations;

namespace Lms.Live.Quizzes;

public sealed record PrepareQuizRequest(
    [property: Required, StringLength(500, MinimumLength = 1)] string Question,
    [property: Required] IReadOnlyList<string> Options,
    [property: Required] int? CorrectOption,
    [property: StringLength(2000)] string? Solution,
    [property: Required, Range(5, 600)] int? TimeLimitSeconds) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Question is not null && string.IsNullOrWhiteSpace(Question))
        {
            yield return new ValidationResult("The question must not be blank.", [nameof(Question)]);
        }
        if (Options is null)
        {
            yield break;
        }
        if (Options.Count is < LiveQuiz.MinOptions or > LiveQuiz.MaxOptions)
        {
            yield return new ValidationResult($"Give {LiveQuiz.MinOptions} to {LiveQuiz.MaxOptions} options.", [nameof(Options)]);
        }
        if (Options.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > 200))
        {
            yield return new ValidationResult("Each option has 1 to 200 characters.", [nameof(Options)]);
        }
        if (CorrectOption is { } correct && (correct < 0 || correct >= Options.Count))
        {
            yield return new ValidationResult("The correct option is the 0-based index of one of the options.", [nameof(CorrectOption)]);
        }
    }
}

/// <summary>A quiz as its managers see it, answer included.</summary>
public sealed record QuizResponse(
    Guid Id, Guid SessionId, string Question, IReadOnlyList<string> Options, int CorrectOption, string? Solution, int TimeLimitSeconds,
    string State, DateTimeOffset? EndsAt)
{
    public static QuizResponse From(LiveQuiz quiz) =>
        new(quiz.Id, quiz.SessionId, quiz.Question, quiz.Options, quiz.CorrectOption, quiz.Solution, quiz.TimeLimitSeconds, quiz.State, quiz.EndsAt);
}

/// <summary><c>quizStarted</c>: what learners see, never the answer or the solution.</summary>
public sealed record QuizStartedView(Guid QuizId, string Question, IReadOnlyList<string> Options, DateTimeOffset EndsAt);

/// <summary><c>quizTally</c> (managers only).</summary>
public sealed record QuizTallyView(Guid QuizId, IReadOnlyList<int> Counts);

/// <summary><c>quizClosed</c>: the reveal.</summary>
public sealed record QuizClosedView(Guid QuizId, int CorrectOption, string? Solution, IReadOnlyList<int> Counts);

public sealed record QuizResultEntry(Guid UserId, string? Name, int Option, bool Correct, int AnswerMs);

public sealed record QuizResultsResponse(Guid QuizId, string State, int CorrectOption, IReadOnlyList<int> Counts, IReadOnlyList<QuizResultEntry> Answers);
