using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Student;

[Collection(PlatformGroup.Name)]
public sealed class Studying_a_course(Platform platform)
{
    [Fact]
    public async Task The_course_shows_its_ordered_structure_with_my_progress_on_each_item()
    {
        var c = await StudentScenarios.ClassAsync(platform);

        var detail = await c.Learner.GetAsync(c.Enrollment).JsonAsync();

        Assert.Equal("ACTIVE", detail.GetProperty("state").GetString());
        var chapters = detail.GetProperty("chapters").EnumerateArray().ToList();
        Assert.Equal(["1장 안전의 기초", "부록"], chapters.Select(ch => ch.GetProperty("title").GetString()));
        var video = chapters[0].GetProperty("items")[0];
        Assert.Equal(c.VideoId, video.GetProperty("id").GetGuid());
        Assert.Equal("NOT_STARTED", video.GetProperty("state").GetString());
        Assert.Equal(60, video.GetProperty("durationSeconds").GetInt32());
        Assert.NotEmpty(detail.GetProperty("missingForCompletion").EnumerateArray());
    }

    [Fact]
    public async Task Watching_in_real_time_completes_the_video_at_the_courses_threshold()
    {
        var c = await StudentScenarios.ClassAsync(platform);

        var almost = await StudentScenarios.WatchAsync(platform, c, until: 50);
        Assert.Equal("IN_PROGRESS", almost.GetProperty("state").GetString());
        Assert.Equal(50, almost.GetProperty("watchedSeconds").GetDouble(), precision: 1);

        var done = await StudentScenarios.WatchAsync(platform, c, from: 50, until: 60);

        Assert.Equal("COMPLETED", done.GetProperty("state").GetString());
        Assert.Equal(50m, done.GetProperty("courseProgressPercent").GetDecimal());
        var listed = await c.Learner.GetAsync("/student/v1/enrollments").JsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("id").GetGuid() == c.EnrollmentId && e.GetProperty("progressPercent").GetDecimal() == 50m);
        Assert.True(await platform.Student.WithDbAsync(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ContentCompleted") && m.Payload.Contains(c.VideoId.ToString()))));
    }

    [Fact]
    public async Task Fast_forwarding_to_the_end_earns_only_the_time_that_passed()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        (await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 0, playing = true })).EnsureSuccessStatusCode();
        platform.LearningClock.Advance(TimeSpan.FromSeconds(5));

        var skipped = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 60, playing = true }).JsonAsync();

        Assert.Equal("IN_PROGRESS", skipped.GetProperty("state").GetString());
        Assert.InRange(skipped.GetProperty("watchedSeconds").GetDouble(), 5, 5.6);
        Assert.Equal(0m, skipped.GetProperty("courseProgressPercent").GetDecimal());
    }

    [Fact]
    public async Task Pausing_earns_nothing_for_the_time_paused()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        await StudentScenarios.WatchAsync(platform, c, until: 20);
        platform.LearningClock.Advance(TimeSpan.FromSeconds(2));
        (await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 20, playing = false })).EnsureSuccessStatusCode();
        platform.LearningClock.Advance(TimeSpan.FromMinutes(5));

        var resumed = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 50, playing = true }).JsonAsync();

        Assert.Equal(20, resumed.GetProperty("watchedSeconds").GetDouble(), precision: 1);
    }

    public static TheoryData<string, object> BadHeartbeats => new()
    {
        { "negative position", new { positionSeconds = -1, playing = true } },
        { "beyond the video", new { positionSeconds = 61.5, playing = true } },
        { "from the future", new { positionSeconds = 10, playing = true, sentAt = DateTimeOffset.UtcNow.AddYears(1) } },
        { "not a number", new { positionSeconds = "soon", playing = true } },
    };

    [Theory]
    [MemberData(nameof(BadHeartbeats))]
    public async Task A_malformed_heartbeat_is_a_400_and_earns_nothing(string why, object heartbeat)
    {
        var c = await StudentScenarios.ClassAsync(platform);
        (await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 0, playing = true })).EnsureSuccessStatusCode();
        platform.LearningClock.Advance(TimeSpan.FromSeconds(10));

        var response = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), heartbeat);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await WatchedAsync(c));
    }

    [Fact]
    public async Task A_hundred_heartbeats_in_a_second_are_refused_and_earn_nothing()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        (await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 0, playing = true })).EnsureSuccessStatusCode();

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 100; i++)
        {
            answers.Add((await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = i * 0.5, playing = true })).StatusCode);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(0, await WatchedAsync(c));
    }

    [Fact]
    public async Task Items_of_other_courses_and_other_peoples_enrollments_do_not_exist()
    {
        var mine = await StudentScenarios.ClassAsync(platform);
        var theirs = await StudentScenarios.ClassAsync(platform);

        var otherItem = await mine.Learner.PostAsync(mine.Heartbeat(theirs.VideoId), new { positionSeconds = 0, playing = true });
        var otherEnrollment = await mine.Learner.PostAsync(theirs.Heartbeat(theirs.VideoId), new { positionSeconds = 0, playing = true });
        var otherDetail = await mine.Learner.GetAsync(theirs.Enrollment);
        var otherOpen = await mine.Learner.PostAsync(theirs.Open(theirs.DocumentId));

        Assert.Equal(HttpStatusCode.NotFound, otherItem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherEnrollment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherDetail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOpen.StatusCode);
        Assert.False(await platform.Student.WithDbAsync(db => db.ItemProgress.AnyAsync(p => p.EnrollmentId == theirs.EnrollmentId)));
    }

    [Fact]
    public async Task Nothing_is_credited_before_the_course_begins()
    {
        var c = await StudentScenarios.ClassAsync(platform, startInDays: 3);

        var heartbeat = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 0, playing = true });
        var open = await c.Learner.PostAsync(c.Open(c.DocumentId));

        await ProblemAssertions.AssertProblemAsync(heartbeat, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.False(await platform.Student.WithDbAsync(db => db.ItemProgress.AnyAsync(p => p.EnrollmentId == c.EnrollmentId)));
    }

    [Fact]
    public async Task Opening_a_document_completes_it_while_videos_and_documents_are_not_interchangeable()
    {
        var c = await StudentScenarios.ClassAsync(platform);

        var opened = await c.Learner.PostAsync(c.Open(c.DocumentId)).JsonAsync();
        var openVideo = await c.Learner.PostAsync(c.Open(c.VideoId));
        var heartbeatDocument = await c.Learner.PostAsync(c.Heartbeat(c.DocumentId), new { positionSeconds = 0, playing = true });

        Assert.Equal("COMPLETED", opened.GetProperty("state").GetString());
        Assert.Equal(50m, opened.GetProperty("courseProgressPercent").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, openVideo.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, heartbeatDocument.StatusCode);
    }

    [Fact]
    public async Task Past_the_daily_cap_items_are_not_credited_until_the_next_day()
    {
        var c = await StudentScenarios.ClassAsync(platform, StudentScenarios.DefaultRule with { DailyItemCap = 1 });
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();

        var capped = await c.Learner.PostAsync(c.Open(c.OtherDocumentId)).JsonAsync();
        Assert.Equal("IN_PROGRESS", capped.GetProperty("state").GetString());
        Assert.True(capped.GetProperty("dailyCapReached").GetBoolean());

        platform.LearningClock.Advance(TimeSpan.FromDays(1));
        var nextDay = await c.Learner.PostAsync(c.Open(c.OtherDocumentId)).JsonAsync();

        Assert.Equal("COMPLETED", nextDay.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Opening_items_at_the_same_moment_cannot_slip_past_the_daily_cap()
    {
        var c = await StudentScenarios.ClassAsync(platform, StudentScenarios.DefaultRule with { DailyItemCap = 1 });

        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(c.Learner.PostAsync(c.Open(c.DocumentId)), c.Learner.PostAsync(c.Open(c.OtherDocumentId)));
            statuses.AddRange(answers.Select(a => a.StatusCode));
        }

        // The loser of a collision is told to try again; nothing fails.
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var completed = await platform.Student.WithDbAsync(db =>
            db.ItemProgress.CountAsync(p => p.EnrollmentId == c.EnrollmentId && p.State == "COMPLETED"));
        Assert.Equal(1, completed);
    }

    [Fact]
    public async Task A_video_whose_length_was_never_measured_is_a_409_not_a_silent_zero()
    {
        var c = await StudentScenarios.ClassAsync(platform, videoSeconds: null);

        var heartbeat = await c.Learner.PostAsync(c.Heartbeat(c.VideoId), new { positionSeconds = 0, playing = true });

        Assert.EndsWith("video-not-measured", (await heartbeat.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(0, await WatchedAsync(c));
    }

    private Task<double> WatchedAsync(StudyClass c) => platform.Student.WithDbAsync(db =>
        db.ItemProgress.Where(p => p.EnrollmentId == c.EnrollmentId).Select(p => p.WatchedSeconds).SingleOrDefaultAsync());
}
