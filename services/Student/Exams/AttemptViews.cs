using Lms.Contracts.Exams;

namespace Lms.Student.Exams;

public sealed record OptionView(Guid Id, string Text, bool? Correct);

/// <summary>
/// A question as the learner sees it: keys, accepted answers, explanation and points earned only once the attempt is
/// graded and the exam's reveal rule allows it (<see cref="LearningExam.RevealsKeys"/>).
/// </summary>
public sealed record QuestionView(
    Guid Id, string Kind, string Text, int Points, IReadOnlyList<OptionView> Options,
    IReadOnlyList<string>? AcceptedAnswers, string? Explanation, decimal? Earned);

public sealed record AttemptView(
    Guid Id, Guid ExamId, Guid EnrollmentId, int Number, string State, DateTimeOffset StartedAt, DateTimeOffset Deadline,
    IReadOnlyList<QuestionView> Questions, IReadOnlyList<AttemptAnswer> Answers,
    decimal? Score, bool? Passed, DateTimeOffset? GradedAt, bool AutoGraded)
{
    public static AttemptView Of(ExamAttempt attempt, bool revealKeys = false)
    {
        var graded = attempt.IsGraded && revealKeys;
        var earned = graded ? Grading.Grade(attempt.Paper, attempt.Answers).Questions.ToDictionary(q => q.QuestionId, q => q.Earned) : null;
        return new AttemptView(attempt.Id, attempt.ExamId, attempt.EnrollmentId, attempt.Number, attempt.State, attempt.StartedAt, attempt.Deadline,
            [.. attempt.Paper.Select(q => Question(q, graded, earned))], attempt.Answers, attempt.Score, attempt.Passed, attempt.GradedAt, attempt.AutoGraded);
    }

    private static QuestionView Question(ExamQuestionSnapshot question, bool graded, Dictionary<Guid, decimal>? earned) => new(
        question.QuestionId, question.Kind, question.Text, question.Points,
        [.. question.Options.Select(o => new OptionView(o.OptionId, o.Text, graded ? o.Correct : null))],
        graded ? question.AcceptedAnswers : null,
        graded ? question.Explanation : null,
        earned?.GetValueOrDefault(question.QuestionId));
}

public sealed record EnrollmentExam(
    Guid Id, string Title, string Description, string Kind, int TimeLimitMinutes, int PassScore, int AttemptsAllowed, int AttemptsUsed,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool Required, int QuestionCount, bool Unlocked, int UnlockPercent, bool Open,
    decimal? Score, bool Passed, Guid? AttemptInProgressId, string AnswerKeyReveal);
