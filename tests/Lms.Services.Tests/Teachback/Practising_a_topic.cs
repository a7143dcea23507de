using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Student;
using Lms.Services.Tests.Support;
using Lms.Student.Teachback.Processing;
using Lms.Student.Teachback.Submissions;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lms.Services.Tests.Teachback.TeachbackScenarios;

namespace Lms.Services.Tests.Teachback;

/// <summary>A learner explains a topic in text or a recording and gets a result, with the offline providers (the defaults).</summary>
[Collection(PlatformGroup.Name)]
public sealed class Practising_a_topic(Platform platform)
{
    [Fact]
    public async Task A_typed_explanation_is_scored_by_the_rubric_with_points_covered_and_missed()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);

        var accepted = await learner.PostAsync("/student/v1/teachbacks", new { topicId, text = "현장에서는 안전모를 항상 착용합니다. 산안법은 사업주의 안전조치 의무를 정합니다." });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("PENDING", body.GetProperty("status").GetString());
        var result = await FinalAsync(learner, body.GetProperty("id").GetGuid());

        Assert.Equal("SUCCEEDED", result.GetProperty("status").GetString());
        Assert.Equal(67, result.GetProperty("score").GetInt32());
        Assert.Equal(2, result.GetProperty("strengths").GetArrayLength());
        Assert.Equal("빠진 핵심 내용: 2번(3개 중)", result.GetProperty("weaknesses")[0].GetString());
        Assert.StartsWith("현장에서는", result.GetProperty("transcript").GetString(), StringComparison.Ordinal);
        Assert.True(result.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task A_pending_submission_tells_the_client_when_to_ask_again()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var submission = TeachbackSubmission.OfText(learner.UserId, topicId, null, "보류 중인 설명", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
        // Stored without its message: it stays PENDING.
        await platform.Student.WithDbAsync(async db => { db.TeachbackSubmissions.Add(submission); return await db.SaveChangesAsync(); });

        var response = await learner.GetAsync($"/student/v1/teachbacks/{submission.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_recording_with_no_transcriber_configured_ends_failed_with_the_reason()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var fileId = await RecordingAsync(platform, learner.UserId);

        var accepted = await learner.PostAsync("/student/v1/teachbacks", new { topicId, fileId });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var result = await FinalAsync(learner, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        Assert.Equal("FAILED", result.GetProperty("status").GetString());
        Assert.Equal("no transcriber configured", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Someone_elses_recording_or_submission_is_not_found()
    {
        var topicId = await CatalogTopicAsync(platform);
        var (owner, other) = (Learner(platform), Learner(platform));
        var ownersRecording = await RecordingAsync(platform, owner.UserId);
        var id = await SubmitTextAsync(owner, topicId);
        await FinalAsync(owner, id);

        await (await other.PostAsync("/student/v1/teachbacks", new { topicId, fileId = ownersRecording })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/student/v1/teachbacks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/student/v1/teachbacks/{id}/rating", new { stars = 1 })).AssertProblemAsync(HttpStatusCode.NotFound);
        var othersHistory = await (await other.GetAsync("/student/v1/teachbacks/mine")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, othersHistory.GetProperty("total").GetInt32());
        var rated = await platform.Student.WithDbAsync(db => db.TeachbackSubmissions.Where(s => s.Id == id).Select(s => s.HelpfulnessStars).SingleAsync());
        Assert.Null(rated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task An_empty_or_blank_text_is_a_400_and_nothing_is_stored(string text)
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);

        var problem = await (await learner.PostAsync("/student/v1/teachbacks", new { topicId, text })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        Assert.False(await platform.Student.WithDbAsync(db => db.TeachbackSubmissions.AnyAsync(s => s.UserId == learner.UserId)));
    }

    [Fact]
    public async Task Text_over_20000_characters_or_text_and_recording_together_are_400s()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var fileId = await RecordingAsync(platform, learner.UserId);

        await (await learner.PostAsync("/student/v1/teachbacks", new { topicId, text = new string('가', 20_001) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await learner.PostAsync("/student/v1/teachbacks", new { topicId, text = "설명", fileId })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await learner.PostAsync("/student/v1/teachbacks", new { topicId })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Accepted, (await learner.PostAsync("/student/v1/teachbacks", new { topicId, text = new string('가', 20_000) })).StatusCode);
    }

    [Fact]
    public async Task A_course_topic_is_for_learners_with_an_active_enrollment_in_that_course()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var topicId = await CourseTopicAsync(platform, c.CourseId, c.InstitutionId);
        var outsider = Learner(platform);

        var mine = await (await c.Learner.GetAsync($"/student/v1/teachback-topics?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(topicId, mine.GetProperty("courses")[0].GetProperty("topics")[0].GetProperty("id").GetGuid());
        await (await outsider.GetAsync($"/student/v1/teachback-topics?courseId={c.CourseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsync("/student/v1/teachbacks", new { topicId, text = FullExplanation })).AssertProblemAsync(HttpStatusCode.NotFound);

        var result = await FinalAsync(c.Learner, await SubmitTextAsync(c.Learner, topicId));
        Assert.Equal(100, result.GetProperty("score").GetInt32());
        Assert.Equal(c.CourseId, result.GetProperty("courseId").GetGuid());
    }

    [Fact]
    public async Task Feedback_is_rated_once_by_its_owner()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var id = await SubmitTextAsync(learner, topicId);
        await FinalAsync(learner, id);

        await (await learner.PostAsync($"/student/v1/teachbacks/{id}/rating", new { stars = 6 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await learner.PostAsync($"/student/v1/teachbacks/{id}/rating", new { stars = 4 })).StatusCode);
        await (await learner.PostAsync($"/student/v1/teachbacks/{id}/rating", new { stars = 5 })).AssertProblemAsync(HttpStatusCode.Conflict);

        var view = await (await learner.GetAsync($"/student/v1/teachbacks/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, view.GetProperty("helpfulnessStars").GetInt32());
    }

    [Fact]
    public async Task My_history_is_paged_newest_first()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            // One at a time: a learner may have only two submissions waiting for a result.
            ids.Add(await SubmitTextAsync(learner, topicId, $"{i}번째 설명: 안전모를 씁니다."));
            await FinalAsync(learner, ids[^1]);
        }

        var page = await (await learner.GetAsync("/student/v1/teachbacks/mine?page=1&size=2")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal([ids[2], ids[1]], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        await (await learner.GetAsync("/student/v1/teachbacks/mine?size=101")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_submission_stuck_past_its_deadline_is_timed_out_by_the_sweeper()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        // Made 20 minutes ago with a 10-minute deadline, and its message lost: only the sweeper can end it.
        var stuck = TeachbackSubmission.OfText(learner.UserId, topicId, null, "멈춘 설명", DateTimeOffset.UtcNow.AddMinutes(-20), TimeSpan.FromMinutes(10));
        await platform.Student.WithDbAsync(async db => { db.TeachbackSubmissions.Add(stuck); return await db.SaveChangesAsync(); });

        var result = await FinalAsync(learner, stuck.Id);

        Assert.Equal("TIMED_OUT", result.GetProperty("status").GetString());
        Assert.Equal("not processed within 10 minutes", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_redelivered_request_is_processed_once()
    {
        var topicId = await CatalogTopicAsync(platform);
        var learner = Learner(platform);
        var submission = TeachbackSubmission.OfText(learner.UserId, topicId, null, FullExplanation, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
        await platform.Student.WithDbAsync(async db => { db.TeachbackSubmissions.Add(submission); return await db.SaveChangesAsync(); });
        var counter = new ConsumedCounter<TeachbackRequested>();
        var bus = platform.Student.Services.GetRequiredService<IBus>();
        using var observing = bus.ConnectConsumeMessageObserver(counter);
        var (messageId, repeat) = (NewId.NextGuid(), NewId.NextGuid());

        // The same message twice (the broker redelivering), then the same request under a new id (a crash after the outcome was stored).
        await bus.Publish(new TeachbackRequested(submission.Id, DateTimeOffset.UtcNow), context => context.MessageId = messageId);
        await bus.Publish(new TeachbackRequested(submission.Id, DateTimeOffset.UtcNow), context => context.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(counter.CountOf(messageId) == 2), TimeSpan.FromSeconds(30), "both deliveries consumed");
        var first = await FinalAsync(learner, submission.Id);
        await bus.Publish(new TeachbackRequested(submission.Id, DateTimeOffset.UtcNow), context => context.MessageId = repeat);
        await Eventually.TrueAsync(() => Task.FromResult(counter.CountOf(repeat) == 1), TimeSpan.FromSeconds(30), "the repeat consumed");

        var after = await (await learner.GetAsync($"/student/v1/teachbacks/{submission.Id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SUCCEEDED", after.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("finishedAt").GetString(), after.GetProperty("finishedAt").GetString());
        var counted = await platform.Student.WithDbAsync(db => db.TeachbackRankDays.Where(d => d.UserId == learner.UserId).SumAsync(d => d.ScoredCount));
        Assert.Equal(1, counted);
        Assert.Equal(1, await platform.Student.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }
}
