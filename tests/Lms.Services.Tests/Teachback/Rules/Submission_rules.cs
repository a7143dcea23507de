using Lms.Student.Teachback.Scoring;
using Lms.Student.Teachback.Submissions;

namespace Lms.Services.Tests.Teachback.Rules;

public sealed class Submission_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static TeachbackSubmission Pending() =>
        TeachbackSubmission.OfText(Guid.CreateVersion7(), Guid.CreateVersion7(), null, " 설명 ", Now, TimeSpan.FromMinutes(10));

    [Fact]
    public void Ends_once_a_second_outcome_changes_nothing()
    {
        var submission = Pending();

        Assert.True(submission.Succeed("설명", 80, ["a"], [], "rubric", Now.AddSeconds(5)));
        Assert.False(submission.EndUnscored(TeachbackStatuses.Failed, "late failure", null, Now.AddSeconds(6)));
        Assert.False(submission.TimeOut(Now.AddHours(1)));
        Assert.Equal(TeachbackStatuses.Succeeded, submission.Status);
        Assert.Equal(80, submission.Score);
    }

    [Fact]
    public void Times_out_only_past_its_deadline_with_a_reason()
    {
        var submission = Pending();

        Assert.False(submission.TimeOut(Now.AddMinutes(9)));
        Assert.True(submission.TimeOut(Now.AddMinutes(10)));
        Assert.Equal(TeachbackStatuses.TimedOut, submission.Status);
        Assert.Equal("not processed within 10 minutes", submission.Reason);
    }

    [Fact]
    public void Feedback_is_rated_once_and_only_once_scored()
    {
        var submission = Pending();
        Assert.NotNull(submission.Rate(5, Now));

        submission.Succeed("설명", 80, [], [], "rubric", Now);
        Assert.Null(submission.Rate(4, Now));
        Assert.NotNull(submission.Rate(5, Now));
        Assert.Equal(4, submission.HelpfulnessStars);
    }

    [Theory]
    [InlineData("""{"score": 150, "strengths": ["a"], "weaknesses": []}""", 100)]
    [InlineData("""{"score": -20, "strengths": [], "weaknesses": ["b"]}""", 0)]
    [InlineData("""{"score": 72.6, "strengths": [], "weaknesses": []}""", 73)]
    public void A_provider_score_is_clamped_to_0_to_100(string json, int expected) =>
        Assert.Equal(expected, OpenAiScorer.Parse(json)!.Score);

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"score": "high", "strengths": [], "weaknesses": []}""")]
    [InlineData("""{"score": 80, "strengths": "good"}""")]
    [InlineData("""[80]""")]
    [InlineData("")]
    public void A_provider_answer_off_the_schema_is_refused(string json) => Assert.Null(OpenAiScorer.Parse(json));
}
