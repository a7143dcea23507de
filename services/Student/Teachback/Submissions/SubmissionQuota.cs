using System.Globalization;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Time;
using Lms.Student.Data;
using Lms.Student.Teachback.Processing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Teachback.Submissions;

/// <summary>
/// Each submission is queued and may be sent to a paid model, so a learner has a daily quota of submissions
/// (<see cref="TeachbackOptions.DailySubmissions"/>, counted in Korean calendar days) and at most
/// <see cref="TeachbackOptions.MaxPending"/> waiting at once. A refused submission is not counted.
/// </summary>
public static class SubmissionQuota
{
    public const string QuotaExhausted = "teachback-quota-exhausted";
    public const string TooManyPending = "teachback-too-many-pending";

    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    /// <summary>When the day's quota starts again: the next midnight in Asia/Seoul, as a UTC instant.</summary>
    public static DateTimeOffset ResetsAt(DateTimeOffset now) =>
        new DateTimeOffset(KoreaTime.Today(now).AddDays(1).ToDateTime(TimeOnly.MinValue), KoreaOffset).ToUniversalTime();

    /// <summary>The rule: null when one more submission may be made, otherwise why not and when to try again.</summary>
    public static QuotaRefusal? Check(int submittedToday, int pending, TeachbackOptions options, DateTimeOffset now)
    {
        if (submittedToday >= options.DailySubmissions)
        {
            var resetsAt = ResetsAt(now);
            return new QuotaRefusal(QuotaExhausted,
                $"You have made your {options.DailySubmissions} teach-back submissions for today; more are taken from midnight Korea time.",
                resetsAt - now, options.DailySubmissions, resetsAt);
        }

        return pending >= options.MaxPending
            ? new QuotaRefusal(TooManyPending, $"{options.MaxPending} of your submissions are still being scored; submit again once one has a result.",
                TimeSpan.FromSeconds(options.PollSeconds), options.MaxPending, null)
            : null;
    }

    /// <summary>
    /// Inside the caller's transaction: takes the learner's quota row (created on first use, reset on a new Korean day)
    /// with a lock held until the transaction ends, so two submissions at once are counted one after the other, then
    /// either counts one more submission or returns the refusal.
    /// </summary>
    public static async Task<QuotaRefusal?> TakeAsync(StudentDbContext db, Guid userId, DateTimeOffset now, TeachbackOptions options,
        CancellationToken cancellationToken)
    {
        var today = KoreaTime.Today(now);
        // MariaDB assigns left to right: the count is reset by comparing with the day before the day is moved on.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO teachback_quotas (user_id, day, submitted) VALUES ({userId}, {today}, 0)
            ON DUPLICATE KEY UPDATE submitted = IF(day = VALUES(day), submitted, 0), day = VALUES(day)
            """, cancellationToken);
        var submitted = await db.TeachbackQuotas.AsNoTracking().Where(q => q.UserId == userId).Select(q => q.Submitted).SingleAsync(cancellationToken);
        // A submission past its deadline is the sweeper's to end; it no longer holds a place.
        var pending = await db.TeachbackSubmissions.AsNoTracking()
            .CountAsync(s => s.UserId == userId && s.Status == TeachbackStatuses.Pending && s.Deadline > now, cancellationToken);

        if (Check(submitted, pending, options, now) is { } refusal)
        {
            return refusal;
        }

        await db.TeachbackQuotas.Where(q => q.UserId == userId)
            .ExecuteUpdateAsync(q => q.SetProperty(x => x.Submitted, x => x.Submitted + 1), cancellationToken);
        return null;
    }

    /// <summary>The 429: a problem with the refusal's stable type, <c>Retry-After</c> in seconds, the limit and (for the day's quota) <c>resetsAt</c>.</summary>
    public static ProblemHttpResult Problem(QuotaRefusal refusal, HttpResponse response)
    {
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var extensions = new Dictionary<string, object?> { ["limit"] = refusal.Limit };
        if (refusal.ResetsAt is { } resetsAt)
        {
            extensions["resetsAt"] = resetsAt;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: refusal.Title, type: Problems.TypeBase + refusal.Type,
            extensions: extensions);
    }
}

/// <summary>
/// Why a submission was refused (<see cref="SubmissionQuota.QuotaExhausted"/> or <see cref="SubmissionQuota.TooManyPending"/>),
/// how long to wait, the limit that was reached and, for the daily quota, the instant it resets.
/// </summary>
public sealed record QuotaRefusal(string Type, string Title, TimeSpan RetryAfter, int Limit, DateTimeOffset? ResetsAt);
