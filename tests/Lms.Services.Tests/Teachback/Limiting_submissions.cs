using System.Net;
using Lms.ServiceDefaults.Time;
using Lms.Services.Tests.Support;
using Lms.Student.Teachback.Submissions;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;
using static Lms.Services.Tests.Teachback.TeachbackScenarios;

namespace Lms.Services.Tests.Teachback;

/// <summary>Each submission is queued and may reach a paid model: 20 a day per learner (Korean days), and two waiting at once.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Limiting_submissions(Platform platform)
{
    [Fact]
    public async Task The_21st_submission_of_the_day_is_a_429_saying_when_the_quota_resets()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        for (var i = 0; i < 20; i++)
        {
            await FinalAsync(learner, await SubmitTextAsync(learner, topicId, $"{i}번째 설명: 현장에서는 안전모를 씁니다."));
        }

        var refused = await learner.PostAsync("/student/v1/teachbacks", new { topicId, text = "21번째 설명" });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("https://lms.example/problems/teachback-quota-exhausted", problem.GetProperty("type").GetString());
        Assert.Equal(20, problem.GetProperty("limit").GetInt32());
        var seoul = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        var midnight = new DateTimeOffset(seoul.Date.AddDays(1), TimeSpan.FromHours(9));
        Assert.Equal(midnight, problem.GetProperty("resetsAt").GetDateTimeOffset());
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After header");
        Assert.InRange(retryAfter, midnight - DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1), midnight - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));
        Assert.Equal(20, await platform.Student.WithDbAsync(db => db.TeachbackSubmissions.CountAsync(s => s.UserId == learner.UserId)));
    }

    [Fact]
    public async Task A_third_submission_while_two_are_still_pending_is_a_429_and_is_not_counted()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        // Stored without their messages: both stay PENDING.
        await platform.Student.WithDbAsync(async db =>
        {
            db.TeachbackSubmissions.AddRange(
                TeachbackSubmission.OfText(learner.UserId, topicId, null, "대기 중 1", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10)),
                TeachbackSubmission.OfText(learner.UserId, topicId, null, "대기 중 2", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10)));
            return await db.SaveChangesAsync();
        });

        var refused = await learner.PostAsync("/student/v1/teachbacks", new { topicId, text = FullExplanation });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("https://lms.example/problems/teachback-too-many-pending", problem.GetProperty("type").GetString());
        Assert.Equal(2, problem.GetProperty("limit").GetInt32());
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(2, await platform.Student.WithDbAsync(db => db.TeachbackSubmissions.CountAsync(s => s.UserId == learner.UserId)));
        Assert.Equal(0, await platform.Student.WithDbAsync(db => db.TeachbackQuotas.Where(q => q.UserId == learner.UserId).SumAsync(q => q.Submitted)));
    }

    [Fact]
    public async Task Submissions_made_at_the_same_moment_take_the_last_place_of_the_day_once()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        await platform.Student.WithDbAsync(async db =>
        {
            db.TeachbackQuotas.Add(new TeachbackQuota { UserId = learner.UserId, Day = KoreaTime.Today(DateTimeOffset.UtcNow), Submitted = 19 });
            return await db.SaveChangesAsync();
        });

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => learner.PostAsync("/student/v1/teachbacks", new { topicId, text = $"{i}: {FullExplanation}" })));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.TeachbackSubmissions.CountAsync(s => s.UserId == learner.UserId)));
    }

    [Fact]
    public async Task Yesterdays_submissions_do_not_count_against_today()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        await platform.Student.WithDbAsync(async db =>
        {
            db.TeachbackQuotas.Add(new TeachbackQuota { UserId = learner.UserId, Day = KoreaTime.Today(DateTimeOffset.UtcNow).AddDays(-1), Submitted = 20 });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Accepted, (await learner.PostAsync("/student/v1/teachbacks", new { topicId, text = FullExplanation })).StatusCode);
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.TeachbackQuotas.Where(q => q.UserId == learner.UserId).Select(q => q.Submitted).SingleAsync()));
    }
}
