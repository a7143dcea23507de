using System.Text.Json;
using Lms.Contracts.Exams;
using Lms.Student.Exams;
using MassTransit.Serialization;

namespace Lms.Services.Tests.Student.Rules;

public sealed class Answer_key_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private static LearningExam Exam(string reveal, DateTimeOffset? closesAt = null, int attemptsAllowed = 2) =>
        new() { AnswerKeyReveal = reveal, AttemptsAllowed = attemptsAllowed, ClosesAt = closesAt };

    [Fact]
    public void No_policy_reveals_keys_of_an_attempt_not_yet_submitted()
    {
        foreach (var reveal in new[] { AnswerKeyReveals.AfterSubmission, AnswerKeyReveals.AfterClose, AnswerKeyReveals.Never })
        {
            Assert.False(Exam(reveal, closesAt: Now.AddDays(-1), attemptsAllowed: 1).RevealsKeys(submitted: false, attemptsUsed: 1, Now, periodOver: true));
        }
    }

    [Fact]
    public void After_submission_reveals_once_no_retake_could_use_them()
    {
        var exam = Exam(AnswerKeyReveals.AfterSubmission, closesAt: Now.AddDays(1));

        Assert.False(exam.RevealsKeys(submitted: true, attemptsUsed: 1, Now, periodOver: false));
        Assert.True(exam.RevealsKeys(submitted: true, attemptsUsed: 2, Now, periodOver: false));
        Assert.True(exam.RevealsKeys(submitted: true, attemptsUsed: 1, Now, periodOver: true));
        Assert.True(exam.RevealsKeys(submitted: true, attemptsUsed: 1, Now.AddDays(2), periodOver: false));
    }

    [Fact]
    public void After_close_reveals_only_once_the_exams_own_window_has_closed()
    {
        var exam = Exam(AnswerKeyReveals.AfterClose, closesAt: Now.AddDays(1));

        Assert.False(exam.RevealsKeys(submitted: true, attemptsUsed: 2, Now, periodOver: false));
        Assert.True(exam.RevealsKeys(submitted: true, attemptsUsed: 1, Now.AddDays(1).AddSeconds(1), periodOver: false));
    }

    [Fact]
    public void After_close_keeps_the_keys_from_a_learner_whose_own_period_ended_while_the_exam_is_open_to_others()
    {
        var exam = Exam(AnswerKeyReveals.AfterClose, closesAt: Now.AddDays(5));

        Assert.False(exam.RevealsKeys(submitted: true, attemptsUsed: 2, Now, periodOver: true));
    }

    [Fact]
    public void After_close_never_reveals_the_keys_of_an_exam_without_a_closing_time()
    {
        Assert.False(Exam(AnswerKeyReveals.AfterClose).RevealsKeys(submitted: true, attemptsUsed: 2, Now.AddYears(1), periodOver: true));
    }

    [Fact]
    public void Never_means_never_and_so_does_a_policy_this_service_does_not_know()
    {
        foreach (var reveal in new[] { AnswerKeyReveals.Never, "AFTER_GRADING" })
        {
            Assert.False(Exam(reveal, closesAt: Now.AddDays(-1), attemptsAllowed: 1).RevealsKeys(submitted: true, attemptsUsed: 1, Now, periodOver: true));
        }
    }

    [Fact]
    public void An_exam_published_before_the_policy_existed_reads_as_after_close()
    {
        var current = new ExamPublished(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "평가", "", ExamKinds.Final, 10, 60, 1, null, null,
            false, false, true, 1, ExamScoring.Best, [], false, 1, Now, AnswerKeyReveals.Never);
        // What a service built before the field existed wrote into its outbox and onto the bus: the same, without it.
        var old = JsonSerializer.SerializeToNode(current, JsonSerializerOptions.Web)!.AsObject();
        Assert.True(old.Remove("answerKeyReveal"));

        var fromOutbox = old.Deserialize<ExamPublished>(JsonSerializerOptions.Web)!;
        var fromBus = old.Deserialize<ExamPublished>(SystemTextJsonMessageSerializer.Options)!;

        Assert.Equal(AnswerKeyReveals.AfterClose, fromOutbox.AnswerKeyReveal);
        Assert.Equal(AnswerKeyReveals.AfterClose, fromBus.AnswerKeyReveal);
        Assert.Equal(current with { AnswerKeyReveal = AnswerKeyReveals.AfterClose }, fromBus with { Questions = current.Questions });
    }
}
