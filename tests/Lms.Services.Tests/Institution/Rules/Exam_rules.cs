using Lms.Contracts.Exams;
using Lms.Institution.Courses;
using Lms.Institution.Exams;

namespace Lms.Services.Tests.Institution.Rules;

public sealed class Exam_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CourseId = Guid.NewGuid();
    private static readonly Guid InstitutionId = Guid.NewGuid();

    private static readonly ExamQuestion Single = new(Guid.NewGuid(), QuestionKinds.SingleChoice, "2 + 2 = ?", 10,
        [new ExamOption(Guid.NewGuid(), "4", true), new ExamOption(Guid.NewGuid(), "5", false)], [], "산수");

    private static ExamDetails Details(params ExamQuestion[] questions) => new("중간평가", "", ExamKinds.Mid, 30, 60, 2, null, null,
        false, false, true, 1, ExamScoring.Best, questions);

    private static QuestionRequest Choice(string kind, params (string Text, bool Correct)[] options) =>
        new(null, kind, "질문", 10, [.. options.Select(o => new OptionRequest(null, o.Text, o.Correct))]);

    private static QuestionRequest Short(params string?[] answers) => new(null, QuestionKinds.ShortAnswer, "수도는?", 5, null, answers);

    private static Dictionary<string, string> Errors(params QuestionRequest?[] questions) =>
        QuestionSheet.Check(questions).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Message);

    [Fact]
    public void A_new_exam_is_a_draft_and_every_change_bumps_its_version()
    {
        var exam = Exam.Create(CourseId, InstitutionId, Details(Single), Now);
        var version = exam.Version;

        Assert.Null(exam.Edit(Details(Single, Single with { Id = Guid.NewGuid(), Points = 5 }), attemptsStarted: false, Now));

        Assert.Equal(ExamStates.Draft, exam.State);
        Assert.Equal(version + 1, exam.Version);
        Assert.Equal(2, exam.QuestionCount);
        Assert.Equal(15, exam.TotalPoints);
    }

    [Fact]
    public void Publishing_needs_a_draft_with_a_question_of_a_course_that_is_not_archived()
    {
        var empty = Exam.Create(CourseId, InstitutionId, Details(), Now);
        var exam = Exam.Create(CourseId, InstitutionId, Details(Single), Now);

        Assert.Equal("exam-empty", empty.Publish(CourseStates.Published, Now)?.Type);
        Assert.Equal("course-archived", exam.Publish(CourseStates.Archived, Now)?.Type);
        Assert.Null(exam.Publish(CourseStates.Draft, Now));
        Assert.Equal(ExamStates.Published, exam.State);
        Assert.Equal("exam-state", exam.Publish(CourseStates.Published, Now)?.Type);
    }

    [Fact]
    public void A_published_exam_is_frozen_once_a_learner_started_it()
    {
        var exam = Exam.Create(CourseId, InstitutionId, Details(Single), Now);
        exam.Publish(CourseStates.Published, Now);
        var version = exam.Version;

        Assert.Equal("exam-has-attempts", exam.Edit(Details(Single), attemptsStarted: true, Now)?.Type);
        Assert.Equal("exam-has-attempts", exam.Delete(attemptsStarted: true, Now)?.Type);
        Assert.Equal(version, exam.Version);
        Assert.Null(exam.Edit(Details(Single), attemptsStarted: false, Now));
    }

    [Fact]
    public void Withdrawing_a_published_exam_outranks_every_snapshot_sent_before()
    {
        var exam = Exam.Create(CourseId, InstitutionId, Details(Single), Now);
        exam.Publish(CourseStates.Published, Now);
        var published = exam.ToEvent();

        Assert.Null(exam.Delete(attemptsStarted: false, Now));
        var withdrawn = exam.ToEvent(withdrawn: true);

        Assert.False(published.Withdrawn);
        Assert.True(withdrawn.Withdrawn);
        Assert.True(withdrawn.Version > published.Version);
    }

    [Fact]
    public void The_snapshot_carries_the_answer_keys()
    {
        var exam = Exam.Create(CourseId, InstitutionId, Details(Single), Now);

        var question = Assert.Single(exam.ToEvent().Questions);

        Assert.Equal(Single.Id, question.QuestionId);
        Assert.Equal([true, false], question.Options.Select(o => o.Correct));
        Assert.Equal("산수", question.Explanation);
    }

    [Fact]
    public void Well_formed_questions_of_each_kind_pass()
    {
        Assert.Empty(Errors(
            Choice(QuestionKinds.SingleChoice, ("가", true), ("나", false)),
            Choice(QuestionKinds.MultipleChoice, ("가", true), ("나", true), ("다", false)),
            Short("서울", "Seoul")));
    }

    [Fact]
    public void A_single_choice_question_has_exactly_one_correct_option()
    {
        Assert.Contains("questions[0].options", Errors(Choice(QuestionKinds.SingleChoice, ("가", true), ("나", true))).Keys);
        Assert.Contains("questions[0].options", Errors(Choice(QuestionKinds.SingleChoice, ("가", false), ("나", false))).Keys);
    }

    [Fact]
    public void A_multiple_choice_question_has_a_correct_option()
    {
        Assert.Contains("questions[0].options", Errors(Choice(QuestionKinds.MultipleChoice, ("가", false), ("나", false))).Keys);
    }

    [Fact]
    public void A_choice_question_has_two_to_ten_options_with_text_and_no_accepted_answers()
    {
        var eleven = Enumerable.Range(0, 11).Select(i => ($"보기 {i}", i == 0)).ToArray();

        Assert.Contains("questions[0].options", Errors(Choice(QuestionKinds.SingleChoice, ("가", true))).Keys);
        Assert.Contains("questions[0].options", Errors(Choice(QuestionKinds.SingleChoice, eleven)).Keys);
        Assert.Contains("questions[0].options[1].text", Errors(Choice(QuestionKinds.SingleChoice, ("가", true), (" ", false))).Keys);
        Assert.Contains("questions[0].answers", Errors(Choice(QuestionKinds.SingleChoice, ("가", true), ("나", false)) with { Answers = ["가"] }).Keys);
    }

    [Fact]
    public void A_short_answer_question_has_no_options_and_one_to_twenty_answers_that_are_not_blank()
    {
        Assert.Contains("questions[0].answers", Errors(Short()).Keys);
        Assert.Contains("questions[0].answers", Errors(Short([.. Enumerable.Range(0, 21).Select(i => $"답 {i}")])).Keys);
        Assert.Contains("questions[0].answers[1]", Errors(Short("서울", "  ")).Keys);
        Assert.Contains("questions[0].options", Errors(Short("서울") with { Options = [new OptionRequest(null, "가", true)] }).Keys);
    }

    [Fact]
    public void An_exam_has_one_to_two_hundred_questions_each_with_kind_text_and_points()
    {
        var bad = new QuestionRequest(null, "ESSAY", "", 0);

        var errors = Errors(Short("서울"), bad, null);

        Assert.Contains("questions[1].kind", errors.Keys);
        Assert.Contains("questions[1].text", errors.Keys);
        Assert.Contains("questions[1].points", errors.Keys);
        Assert.Contains("questions[2]", errors.Keys);
        Assert.Contains("questions", Errors().Keys);
        Assert.Contains("questions", Errors([.. Enumerable.Repeat(Short("서울"), 201)]).Keys);
    }

    [Fact]
    public void Planning_keeps_given_ids_and_gives_new_ones_to_the_rest()
    {
        var keptOption = Single.Options[0].Id;

        var (questions, errors) = QuestionSheet.Plan([Single], [
            Short("서울"),
            new QuestionRequest(Single.Id, QuestionKinds.SingleChoice, " 고친 질문 ", 20,
                [new OptionRequest(keptOption, "4", true), new OptionRequest(null, "3", false)]),
        ]);

        Assert.Empty(errors);
        Assert.NotNull(questions);
        Assert.NotEqual(Guid.Empty, questions[0].Id);
        Assert.Equal(Single.Id, questions[1].Id);
        Assert.Equal("고친 질문", questions[1].Text);
        Assert.Equal(keptOption, questions[1].Options[0].Id);
        Assert.NotEqual(Guid.Empty, questions[1].Options[1].Id);
    }

    [Fact]
    public void Planning_refuses_ids_of_other_exams_and_ids_given_twice_by_their_place()
    {
        var kept = Single.Options[0].Id;

        var (questions, errors) = QuestionSheet.Plan([Single], [
            new QuestionRequest(Guid.NewGuid(), QuestionKinds.SingleChoice, "남의 질문", 5, [new OptionRequest(null, "가", true), new OptionRequest(null, "나", false)]),
            new QuestionRequest(null, QuestionKinds.SingleChoice, "질문", 5, [new OptionRequest(kept, "가", true), new OptionRequest(kept, "나", false)]),
        ]);

        Assert.Null(questions);
        Assert.Contains("questions[0].id", errors.Keys);
        Assert.Contains("questions[1].options[1].id", errors.Keys);
        Assert.DoesNotContain("questions[1].options[0].id", errors.Keys);
    }

    [Fact]
    public void A_grade_is_kept_whichever_of_started_and_graded_arrives_first()
    {
        var attemptId = Guid.NewGuid();
        var started = new ExamAttemptStarted(attemptId, Guid.NewGuid(), CourseId, InstitutionId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1,
            Now, Now.AddMinutes(30));
        var graded = new ExamAttemptGraded(attemptId, started.ExamId, CourseId, InstitutionId, started.UserId, started.EnrollmentId, started.CompanyId, 1,
            87.5m, true, false, Now, Now.AddMinutes(12));

        var gradedFirst = ExamAttempt.Graded(graded);
        gradedFirst.Learn(started);
        var startedFirst = ExamAttempt.Started(started);
        startedFirst.Grade(graded);

        foreach (var attempt in new[] { gradedFirst, startedFirst })
        {
            Assert.Equal(AttemptStates.Graded, attempt.State);
            Assert.Equal(87.5m, attempt.Score);
            Assert.Equal(started.Deadline, attempt.Deadline);
        }
    }

    [Fact]
    public void An_older_grade_does_not_replace_a_newer_one()
    {
        var attemptId = Guid.NewGuid();
        var later = new ExamAttemptGraded(attemptId, Guid.NewGuid(), CourseId, InstitutionId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1,
            90m, true, false, Now, Now.AddMinutes(20));
        var attempt = ExamAttempt.Graded(later);

        attempt.Grade(later with { Score = 40m, Passed = false, GradedAt = Now.AddMinutes(10) });

        Assert.Equal(90m, attempt.Score);
        Assert.True(attempt.Passed);
    }
}
