using Lms.Contracts.Exams;
using Lms.Institution.Courses;

namespace Lms.Institution.Exams;

/// <summary>DRAFT → PUBLISHED, sent and stored as these words.</summary>
public static class ExamStates
{
    public const string Draft = "DRAFT";
    public const string Published = "PUBLISHED";
}

/// <summary>A question of an exam with its answer key; its position is its place in the exam's list.</summary>
public sealed record ExamQuestion(
    Guid Id, string Kind, string Text, int Points, IReadOnlyList<ExamOption> Options, IReadOnlyList<string> Answers, string? Explanation);

public sealed record ExamOption(Guid Id, string Text, bool Correct);

/// <summary>Everything a manager sets on an exam; a PUT replaces all of it.</summary>
public sealed record ExamDetails(
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
    IReadOnlyList<ExamQuestion> Questions,
    string AnswerKeyReveal = AnswerKeyReveals.AfterClose);

/// <summary>A refusal of the exam rules, with a stable problem type.</summary>
public sealed record ExamRefusal(string Type, string Title)
{
    public static ExamRefusal WrongState(string state, string action) => new("exam-state", $"A {state} exam cannot be {action}.");

    public static ExamRefusal HasAttempts(string action) =>
        new("exam-has-attempts", $"Learners have started this exam, so it can no longer be {action}.");
}

/// <summary>
/// An exam of a course, authored by the course's institution. Every change bumps <see cref="Version"/>, which is
/// the optimistic-concurrency token, the ETag, and the version of the <see cref="ExamPublished"/> snapshots. Once a
/// learner has started an attempt, a published exam is frozen: its questions are what attempts were graded against.
/// </summary>
public sealed class Exam
{
    private Exam()
    {
    }

    public Guid Id { get; private set; }

    public Guid CourseId { get; private set; }

    public Guid InstitutionId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public string Kind { get; private set; } = ExamKinds.Final;

    public int TimeLimitMinutes { get; private set; }

    public int PassScore { get; private set; }

    public int AttemptsAllowed { get; private set; }

    public DateTimeOffset? OpensAt { get; private set; }

    public DateTimeOffset? ClosesAt { get; private set; }

    public bool ShuffleQuestions { get; private set; }

    public bool ShuffleOptions { get; private set; }

    public bool Required { get; private set; }

    public int Weight { get; private set; }

    public string Scoring { get; private set; } = ExamScoring.Best;

    public IReadOnlyList<ExamQuestion> Questions { get; private set; } = [];

    /// <summary>When learners see the keys (<see cref="AnswerKeyReveals"/>); the student service applies it.</summary>
    public string AnswerKeyReveal { get; private set; } = AnswerKeyReveals.AfterClose;

    /// <summary>Kept beside the questions so lists need not read the question document.</summary>
    public int QuestionCount { get; private set; }

    public int TotalPoints { get; private set; }

    public string State { get; private set; } = ExamStates.Draft;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public long Version { get; private set; }

    public bool IsPublished => State == ExamStates.Published;

    public static Exam Create(Guid courseId, Guid institutionId, ExamDetails details, DateTimeOffset now)
    {
        var exam = new Exam { Id = Guid.CreateVersion7(), CourseId = courseId, InstitutionId = institutionId, CreatedAt = now, Version = 0 };
        exam.Apply(details);
        exam.Touch(now);
        return exam;
    }

    /// <summary>Replaces everything; a published exam only while nobody has started it.</summary>
    public ExamRefusal? Edit(ExamDetails details, bool attemptsStarted, DateTimeOffset now)
    {
        if (IsPublished && attemptsStarted)
        {
            return ExamRefusal.HasAttempts("edited");
        }

        Apply(details);
        Touch(now);
        return null;
    }

    /// <summary>A draft with at least one question, of a course that is not archived, can be published.</summary>
    public ExamRefusal? Publish(string courseState, DateTimeOffset now)
    {
        if (State != ExamStates.Draft)
        {
            return ExamRefusal.WrongState(State, "published");
        }

        if (Questions.Count == 0)
        {
            return new ExamRefusal("exam-empty", "Add at least one question before publishing.");
        }

        if (courseState == CourseStates.Archived)
        {
            return new ExamRefusal("course-archived", "The course is archived; its exams can no longer be published.");
        }

        State = ExamStates.Published;
        PublishedAt = now;
        Touch(now);
        return null;
    }

    /// <summary>
    /// Checks that the exam may be deleted. A published one is withdrawn from learners first, under a new version,
    /// so the withdrawal outranks every snapshot sent before it.
    /// </summary>
    public ExamRefusal? Delete(bool attemptsStarted, DateTimeOffset now)
    {
        if (!IsPublished)
        {
            return null;
        }

        if (attemptsStarted)
        {
            return ExamRefusal.HasAttempts("deleted");
        }

        Touch(now);
        return null;
    }

    public ExamPublished ToEvent(bool withdrawn = false) => new(
        Id, CourseId, InstitutionId, Title, Description, Kind, TimeLimitMinutes, PassScore, AttemptsAllowed, OpensAt, ClosesAt,
        ShuffleQuestions, ShuffleOptions, Required, Weight, Scoring,
        [.. Questions.Select(q => new ExamQuestionSnapshot(q.Id, q.Kind, q.Text, q.Points,
            [.. q.Options.Select(o => new ExamOptionSnapshot(o.Id, o.Text, o.Correct))], q.Answers, q.Explanation))],
        withdrawn, Version, UpdatedAt, AnswerKeyReveal);

    private void Apply(ExamDetails details)
    {
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        Kind = details.Kind;
        TimeLimitMinutes = details.TimeLimitMinutes;
        PassScore = details.PassScore;
        AttemptsAllowed = details.AttemptsAllowed;
        OpensAt = details.OpensAt?.ToUniversalTime();
        ClosesAt = details.ClosesAt?.ToUniversalTime();
        ShuffleQuestions = details.ShuffleQuestions;
        ShuffleOptions = details.ShuffleOptions;
        Required = details.Required;
        Weight = details.Weight;
        Scoring = details.Scoring;
        Questions = details.Questions;
        AnswerKeyReveal = details.AnswerKeyReveal;
        QuestionCount = details.Questions.Count;
        TotalPoints = details.Questions.Sum(q => q.Points);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
