using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Time;
using Lms.Services.Tests.Student;
using Lms.Services.Tests.Support;
using Lms.Student.Teachback.Ranking;
using Lms.Testing;
using static Lms.Services.Tests.Teachback.TeachbackScenarios;

namespace Lms.Services.Tests.Teachback;

/// <summary>The 30-day ranking: average score, at least 3 scored submissions, ties by count and then by who got there first.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Ranking_learners(Platform platform)
{
    [Fact]
    public async Task A_course_ranking_orders_by_average_then_count_then_who_reached_it_first()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var me = c.Learner.UserId;
        var (top, more, later, few) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = DateTimeOffset.UtcNow;
        await ScoreAsync(c.CourseId, top, now, 90, 90, 90);
        await ScoreAsync(c.CourseId, more, now, 80, 80, 80, 80);
        await ScoreAsync(c.CourseId, me, now.AddHours(-1), 70, 80, 90);
        await ScoreAsync(c.CourseId, later, now, 90, 80, 70);
        await ScoreAsync(c.CourseId, few, now, 100, 100);

        var ranking = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("COURSE", ranking.GetProperty("scope").GetString());
        Assert.Equal(4, ranking.GetProperty("ranked").GetInt32());
        var entries = ranking.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], entries.Select(e => e.GetProperty("rank").GetInt32()));
        Assert.Equal([90m, 80m, 80m, 80m], entries.Select(e => e.GetProperty("averageScore").GetDecimal()));
        Assert.Equal([3, 4, 3, 3], entries.Select(e => e.GetProperty("count").GetInt32()));
        Assert.True(entries[2].GetProperty("isMe").GetBoolean(), "I reached 80 over 3 an hour before the other learner");
        var mine = ranking.GetProperty("me");
        Assert.Equal(3, mine.GetProperty("rank").GetInt32());
        Assert.Equal(50m, mine.GetProperty("percentile").GetDecimal());
    }

    [Fact]
    public async Task A_learner_is_ranked_from_the_third_scored_submission_on()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var topicId = await CourseTopicAsync(platform, c.CourseId, c.InstitutionId);
        for (var i = 0; i < 2; i++)
        {
            await FinalAsync(c.Learner, await SubmitTextAsync(c.Learner, topicId));
        }

        var before = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("me").GetProperty("rank").ValueKind);
        Assert.Equal(2, before.GetProperty("me").GetProperty("count").GetInt32());
        Assert.Equal(0, before.GetProperty("ranked").GetInt32());

        await FinalAsync(c.Learner, await SubmitTextAsync(c.Learner, topicId));
        var after = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, after.GetProperty("me").GetProperty("rank").GetInt32());
        Assert.Equal(100m, after.GetProperty("me").GetProperty("averageScore").GetDecimal());
        var global = await (await c.Learner.GetAsync("/student/v1/teachbacks/ranking")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("GLOBAL", global.GetProperty("scope").GetString());
        Assert.Equal(3, global.GetProperty("me").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_course_ranking_is_not_found_for_someone_outside_the_course()
    {
        var c = await StudentScenarios.ClassAsync(platform);

        await (await Learner(platform).GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<int> ScoreAsync(Guid courseId, Guid userId, DateTimeOffset at, params int[] scores) =>
        platform.Student.WithDbAsync(async db =>
        {
            foreach (var score in scores)
            {
                await RankingBook.RecordAsync(db, userId, courseId, score, KoreaTime.Today(at), at, CancellationToken.None);
            }
            return scores.Length;
        });
}
