using Lms.Student.Teachback.Processing;
using Lms.Student.Teachback.Submissions;

namespace Lms.Services.Tests.Teachback.Rules;

/// <summary>A learner's daily quota of submissions (Korean days) and the submissions they may have waiting at once.</summary>
public sealed class Quota_rules
{
    private static readonly TeachbackOptions Options = new() { DailySubmissions = 20, MaxPending = 2, PollSeconds = 3 };

    [Theory]
    [InlineData("2026-12-07T14:59:59Z", "2026-12-07T15:00:00Z")] // 23:59:59 in Seoul
    [InlineData("2026-12-07T15:00:00Z", "2026-12-08T15:00:00Z")] // midnight in Seoul: a new day, a new quota
    [InlineData("2026-12-07T03:00:00Z", "2026-12-07T15:00:00Z")]
    public void The_quota_resets_at_the_next_midnight_in_Seoul(string now, string resetsAt) =>
        Assert.Equal(DateTimeOffset.Parse(resetsAt, System.Globalization.CultureInfo.InvariantCulture),
            SubmissionQuota.ResetsAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_twentieth_submission_of_the_day_is_taken_and_the_twenty_first_refused_until_midnight()
    {
        var now = new DateTimeOffset(2026, 12, 7, 13, 0, 0, TimeSpan.Zero); // 22:00 in Seoul

        Assert.Null(SubmissionQuota.Check(19, 0, Options, now));
        var refusal = SubmissionQuota.Check(20, 0, Options, now);

        Assert.NotNull(refusal);
        Assert.Equal(SubmissionQuota.QuotaExhausted, refusal.Type);
        Assert.Equal(TimeSpan.FromHours(2), refusal.RetryAfter);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero), refusal.ResetsAt);
        Assert.Equal(20, refusal.Limit);
    }

    [Fact]
    public void A_third_submission_waits_while_two_are_pending()
    {
        var now = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

        Assert.Null(SubmissionQuota.Check(5, 1, Options, now));
        var refusal = SubmissionQuota.Check(5, 2, Options, now);

        Assert.NotNull(refusal);
        Assert.Equal(SubmissionQuota.TooManyPending, refusal.Type);
        Assert.Equal(TimeSpan.FromSeconds(3), refusal.RetryAfter);
        Assert.Null(refusal.ResetsAt);
    }

    [Fact]
    public void An_exhausted_day_is_named_before_pending_submissions()
    {
        var refusal = SubmissionQuota.Check(20, 2, Options, DateTimeOffset.UnixEpoch);

        Assert.Equal(SubmissionQuota.QuotaExhausted, refusal!.Type);
    }
}
