using Lms.Contracts.Exams;

namespace Lms.Student.Exams;

public static class AttemptStates
{
    public const string InProgress = "IN_PROGRESS";
    public const string Graded = "GRADED";
}

/// <summary>
/// One sitting of an exam. The attempt keeps its own paper (questions and options in the order this learner sees
/// them, with the keys), so a later edit of the exam cannot change what it is graded against.
/// </summary>
public sealed class ExamAttempt
{
    private ExamAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid ExamId { get; private set; }

    public Guid EnrollmentId { get; private set; }

    public Guid UserId { get; private set; }

    public int Number { get; private set; }

    public string State { get; private set; } = AttemptStates.InProgress;

    public IReadOnlyList<ExamQuestionSnapshot> Paper { get; private set; } = [];

    public IReadOnlyList<AttemptAnswer> Answers { get; private set; } = [];

    public int PassScore { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public decimal? Score { get; private set; }

    public bool? Passed { get; private set; }

    public DateTimeOffset? GradedAt { get; private set; }

    public bool AutoGraded { get; private set; }

    /// <summary>Concurrency token: of two gradings (two submits, or a submit and the auto-grader) only one is saved.</summary>
    public int Version { get; private set; }

    public bool IsGraded => State == AttemptStates.Graded;

    public static ExamAttempt Start(LearningExam exam, Guid enrollmentId, Guid userId, int number, DateTimeOffset now)
    {
        var deadline = now.AddMinutes(exam.TimeLimitMinutes);
        if (exam.ClosesAt is { } closes && closes < deadline)
        {
            deadline = closes;
        }

        return new ExamAttempt
        {
            Id = Guid.CreateVersion7(),
            ExamId = exam.Id,
            EnrollmentId = enrollmentId,
            UserId = userId,
            Number = number,
            Paper = PaperFor(exam),
            PassScore = exam.PassScore,
            StartedAt = now,
            Deadline = deadline,
        };
    }

    public bool AcceptsAnswers(DateTimeOffset now) => !IsGraded && now <= Deadline;

    /// <summary>Replaces the answers to the questions given; other questions keep theirs.</summary>
    public void SaveAnswers(IReadOnlyList<AttemptAnswer> answers)
    {
        var replaced = answers.Select(a => a.QuestionId).ToHashSet();
        Answers = [.. Answers.Where(a => !replaced.Contains(a.QuestionId)), .. answers];
        Version++;
    }

    public GradeResult Grade(DateTimeOffset now, bool automatically)
    {
        var result = Grading.Grade(Paper, Answers);
        State = AttemptStates.Graded;
        Score = result.Score;
        Passed = result.Score >= PassScore;
        GradedAt = now;
        AutoGraded = automatically;
        Version++;
        return result;
    }

    private static List<ExamQuestionSnapshot> PaperFor(LearningExam exam)
    {
        var questions = exam.Questions.ToArray();
        if (exam.ShuffleQuestions)
        {
            Random.Shared.Shuffle(questions);
        }

        if (!exam.ShuffleOptions)
        {
            return [.. questions];
        }

        return [.. questions.Select(q =>
        {
            var options = q.Options.ToArray();
            Random.Shared.Shuffle(options);
            return q with { Options = options };
        })];
    }
}
