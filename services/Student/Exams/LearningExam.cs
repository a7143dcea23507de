using Lms.Contracts.Exams;

namespace Lms.Student.Exams;

/// <summary>A published exam as the institution last published it, answer keys included; never sent to learners as is.</summary>
public sealed class LearningExam
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public Guid InstitutionId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string Kind { get; set; } = ExamKinds.Final;

    public int TimeLimitMinutes { get; set; }

    public int PassScore { get; set; }

    public int AttemptsAllowed { get; set; }

    public DateTimeOffset? OpensAt { get; set; }

    public DateTimeOffset? ClosesAt { get; set; }

    public bool ShuffleQuestions { get; set; }

    public bool ShuffleOptions { get; set; }

    public bool Required { get; set; }

    public int Weight { get; set; }

    public string Scoring { get; set; } = ExamScoring.Best;

    public IReadOnlyList<ExamQuestionSnapshot> Questions { get; set; } = [];

    /// <summary>When learners see the keys: one of <see cref="AnswerKeyReveals"/>, as the institution set it.</summary>
    public string AnswerKeyReveal { get; set; } = AnswerKeyReveals.AfterClose;

    public bool Withdrawn { get; set; }

    public long Version { get; set; }

    public bool IsOpen(DateTimeOffset now) => (OpensAt is null || OpensAt <= now) && (ClosesAt is null || now <= ClosesAt);

    /// <summary>Whether the exam has closed for everybody: its own window, not any company's period. One without a closing time never closes.</summary>
    public bool HasClosed(DateTimeOffset now) => ClosesAt < now;

    /// <summary>
    /// The one place that decides whether a learner sees the keys, explanations and points per question of one of their
    /// attempts, as the exam's <see cref="AnswerKeyReveal"/> says. Never before the attempt is submitted (graded).
    /// <list type="bullet">
    /// <item><c>AFTER_SUBMISSION</c>: once no retake of theirs could use them (no attempt left, their own period over,
    /// or the exam closed).</item>
    /// <item><c>AFTER_CLOSE</c>: only once the exam's own window has closed. The learner's own period ending does not
    /// count: the exam may still be open to another company's learners, who must not get the keys from them.</item>
    /// <item><c>NEVER</c>, or a value this service does not know: never.</item>
    /// </list>
    /// </summary>
    public bool RevealsKeys(bool submitted, int attemptsUsed, DateTimeOffset now, bool periodOver) => submitted && AnswerKeyReveal switch
    {
        AnswerKeyReveals.AfterSubmission => attemptsUsed >= AttemptsAllowed || periodOver || HasClosed(now),
        AnswerKeyReveals.AfterClose => HasClosed(now),
        _ => false,
    };

    /// <summary>The course progress at which the exam unlocks, from the course's completion rule.</summary>
    public int UnlockPercent(Lms.Contracts.Courses.CompletionRuleSnapshot rule) =>
        Kind == ExamKinds.Mid ? rule.MidExamUnlockPercent : rule.FinalExamUnlockPercent;

    public void Apply(ExamPublished message)
    {
        CourseId = message.CourseId;
        InstitutionId = message.InstitutionId;
        Title = message.Title;
        Description = message.Description;
        Kind = message.Kind;
        TimeLimitMinutes = message.TimeLimitMinutes;
        PassScore = message.PassScore;
        AttemptsAllowed = message.AttemptsAllowed;
        OpensAt = message.OpensAt;
        ClosesAt = message.ClosesAt;
        ShuffleQuestions = message.ShuffleQuestions;
        ShuffleOptions = message.ShuffleOptions;
        Required = message.Required;
        Weight = message.Weight;
        Scoring = message.Scoring;
        Questions = message.Questions;
        AnswerKeyReveal = message.AnswerKeyReveal;
        Withdrawn = message.Withdrawn;
        Version = message.Version;
    }
}
