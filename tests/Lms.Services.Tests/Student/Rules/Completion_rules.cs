using Lms.Contracts.Courses;
using Lms.Contracts.Exams;
using Lms.Student.Completion;
using Lms.Student.Exams;

namespace Lms.Services.Tests.Student.Rules;

public sealed class Completion_rules
{
    private static readonly CompletionRuleSnapshot Defaults = new(90, 80, 60, null, 8, 50, 80);

    private static RequiredExamResult Exam(decimal? score, int weight = 1, int passScore = 60) =>
        new(Guid.NewGuid(), "평가", weight, passScore, score);

    [Fact]
    public void Enough_progress_and_no_exams_completes()
    {
        Assert.True(CompletionCheck.Evaluate(Defaults, 80m, [], null).Met);
    }

    [Fact]
    public void Too_little_progress_is_named_as_missing()
    {
        var verdict = CompletionCheck.Evaluate(Defaults, 79.99m, [], null);

        Assert.False(verdict.Met);
        Assert.Contains(verdict.Missing, m => m.Contains("80%", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_required_exam_must_be_taken_and_passed()
    {
        Assert.False(CompletionCheck.Evaluate(Defaults, 100m, [Exam(90), Exam(null)], null).Met);
        Assert.False(CompletionCheck.Evaluate(Defaults, 100m, [Exam(90), Exam(59.99m)], null).Met);
        Assert.True(CompletionCheck.Evaluate(Defaults, 100m, [Exam(90), Exam(60)], null).Met);
    }

    [Fact]
    public void The_weighted_score_must_reach_the_rules_evaluation_threshold()
    {
        var strict = Defaults with { EvaluationPassScore = 70 };
        // Both exams passed on their own (≥ 50), but weighted 3:1 the score is (60×3 + 90×1)/4 = 67.5.
        IReadOnlyList<RequiredExamResult> exams = [Exam(60, weight: 3, passScore: 50), Exam(90, weight: 1, passScore: 50)];

        Assert.Equal(67.5m, CompletionCheck.WeightedScore(exams));
        Assert.False(CompletionCheck.Evaluate(strict, 100m, exams, null).Met);
        Assert.True(CompletionCheck.Evaluate(Defaults, 100m, exams, null).Met);
    }

    [Fact]
    public void Live_attendance_counts_only_when_the_course_requires_it()
    {
        var live = Defaults with { LiveAttendancePercent = 80 };

        Assert.False(CompletionCheck.Evaluate(live, 100m, [], null).Met);
        Assert.False(CompletionCheck.Evaluate(live, 100m, [], 79m).Met);
        Assert.True(CompletionCheck.Evaluate(live, 100m, [], 80m).Met);
    }

    [Fact]
    public void The_share_of_live_sessions_attended_is_counted_over_the_sessions_held()
    {
        Assert.Null(CompletionCheck.LiveAttendancePercent(0, 0));
        Assert.Equal(80m, CompletionCheck.LiveAttendancePercent(5, 4));
        Assert.Equal(66.67m, CompletionCheck.LiveAttendancePercent(3, 2));
        var live = Defaults with { LiveAttendancePercent = 80 };
        Assert.False(CompletionCheck.Evaluate(live, 100m, [], CompletionCheck.LiveAttendancePercent(3, 2)).Met);
        Assert.True(CompletionCheck.Evaluate(live, 100m, [], CompletionCheck.LiveAttendancePercent(5, 4)).Met);
    }

    [Theory]
    [InlineData(0, 0, 100)]
    [InlineData(3, 0, 0)]
    [InlineData(3, 1, 33.33)]
    [InlineData(3, 3, 100)]
    public void Progress_is_the_share_of_required_items_completed(int required, int completed, double expected)
    {
        Assert.Equal((decimal)expected, CompletionCheck.ProgressPercent(required, completed));
    }

    [Theory]
    [InlineData(ExamScoring.Best, 100)]
    [InlineData(ExamScoring.Last, 0)]
    public void The_best_or_the_last_graded_attempt_counts_as_the_exam_says(string scoring, double counted)
    {
        var question = new ExamQuestionSnapshot(Guid.NewGuid(), QuestionKinds.ShortAnswer, "?", 10, [], ["정답"], null);
        var exam = new LearningExam { Id = Guid.NewGuid(), TimeLimitMinutes = 10, PassScore = 60, Scoring = scoring, Questions = [question] };
        var now = DateTimeOffset.UtcNow;
        ExamAttempt Graded(int number, bool right)
        {
            var attempt = ExamAttempt.Start(exam, Guid.NewGuid(), Guid.NewGuid(), number, now);
            attempt.SaveAnswers([new AttemptAnswer(question.QuestionId, [], right ? "정답" : "오답")]);
            attempt.Grade(now, automatically: false);
            return attempt;
        }

        // The first attempt scores 100, the second (the last) 0.
        var attempts = new[] { Graded(1, right: true), Graded(2, right: false) };

        Assert.Equal((decimal)counted, CourseCompletion.CountedScore(exam, attempts));
        Assert.Null(CourseCompletion.CountedScore(exam, []));
    }
}
