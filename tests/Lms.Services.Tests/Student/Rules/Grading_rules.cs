using Lms.Contracts.Exams;
using Lms.Student.Exams;

namespace Lms.Services.Tests.Student.Rules;

public sealed class Grading_rules
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static ExamQuestionSnapshot Choice(string kind, int points, params Guid[] correct) => new(Guid.NewGuid(), kind, "질문", points,
        [.. new[] { A, B, C, D }.Select(id => new ExamOptionSnapshot(id, id.ToString(), correct.Contains(id)))], [], "해설");

    private static ExamQuestionSnapshot Short(int points, params string[] accepted) =>
        new(Guid.NewGuid(), QuestionKinds.ShortAnswer, "질문", points, [], accepted, null);

    private static AttemptAnswer Chose(ExamQuestionSnapshot question, params Guid[] options) => new(question.QuestionId, options, null);

    [Fact]
    public void A_single_choice_earns_its_points_only_for_the_correct_option()
    {
        var question = Choice(QuestionKinds.SingleChoice, 10, B);

        Assert.Equal(10m, Grading.Earned(question, Chose(question, B)));
        Assert.Equal(0m, Grading.Earned(question, Chose(question, A)));
        Assert.Equal(0m, Grading.Earned(question, Chose(question, A, B)));
    }

    [Fact]
    public void A_multiple_choice_earns_a_share_for_right_choices_less_wrong_ones_never_below_zero()
    {
        var question = Choice(QuestionKinds.MultipleChoice, 10, A, B);

        Assert.Equal(10m, Grading.Earned(question, Chose(question, A, B)));
        Assert.Equal(5m, Grading.Earned(question, Chose(question, A)));
        Assert.Equal(0m, Grading.Earned(question, Chose(question, A, C)));
        Assert.Equal(0m, Grading.Earned(question, Chose(question, C, D)));
        Assert.Equal(0m, Grading.Earned(question, Chose(question)));
        Assert.Equal(5m, Grading.Earned(question, Chose(question, A, B, C)));
    }

    [Theory]
    [InlineData("근로기준법", true)]
    [InlineData("  근로기준법 ", true)]
    [InlineData("OSHA", true)]
    [InlineData("osha", true)]
    [InlineData("ＯＳＨＡ", true)]
    [InlineData("산업  안전   보건법", true)]
    [InlineData("근로 기준법", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_short_answer_matches_after_normalization(string? given, bool correct)
    {
        var question = Short(5, "근로기준법", "OSHA", "산업 안전 보건법");

        Assert.Equal(correct ? 5m : 0m, Grading.Earned(question, new AttemptAnswer(question.QuestionId, [], given)));
    }

    [Fact]
    public void The_score_is_points_earned_over_points_possible_and_unanswered_questions_earn_nothing()
    {
        var heavy = Choice(QuestionKinds.SingleChoice, 30, A);
        var light = Choice(QuestionKinds.SingleChoice, 10, A);
        var open = Short(10, "정답");

        var result = Grading.Grade([heavy, light, open], [Chose(heavy, A), Chose(light, B)]);

        Assert.Equal(60m, result.Score);
        Assert.Equal([30m, 0m, 0m], result.Questions.Select(q => q.Earned));
    }
}
