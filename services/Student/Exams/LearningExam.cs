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

    public bool Withdrawn { get; set; }

    public long Version { get; set; }

    public bool IsOpen(DateTimeOffset now) => (OpensAt is null || OpensAt <= now) && (ClosesAt is null || now <= ClosesAt);

    /// <summary>
    /// Keys, explanations and per-question points would help a retake, so a learner sees them only once they have no
    /// attempt left, the exam has closed, or their course period is over (<paramref name="courseEnded"/>).
    /// </summary>
    public bool RevealsKeys(int attemptsUsed, DateTimeOffset now, bool courseEnded = false) =>
        attemptsUsed >= AttemptsAllowed || ClosesAt < now || courseEnded;

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
        Withdrawn = message.Withdrawn;
        Version = message.Version;
    }
}
