using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Live;

[Collection(PlatformGroup.Name)]
public sealed class Scheduling_a_live_session(Platform platform)
{
    [Fact]
    public async Task A_manager_schedules_a_session_that_learners_see_without_the_key_and_play_once_live_with_their_own_link()
    {
        var c = await LiveScenarios.ClassAsync(platform);

        var created = await LiveScenarios.ScheduleAsync(c, "1강 오리엔테이션");
        var id = created.GetProperty("id").GetGuid();
        var seen = await (await c.Learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var broadcast = await LiveScenarios.BroadcastAsync(c, id);

        Assert.Equal("SCHEDULED", created.GetProperty("state").GetString());
        Assert.Equal("1강 오리엔테이션", seen.GetProperty("title").GetString());
        var key = broadcast.GetProperty("streamKey").GetString()!;
        Assert.StartsWith("rtmp://", broadcast.GetProperty("ingestUrl").GetString());
        Assert.DoesNotContain(key, seen.GetRawText(), StringComparison.Ordinal);
        // Nothing plays before the encoder publishes, so a SCHEDULED session offers no link.
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("playbackUrl").ValueKind);
        await (await c.Learner.GetAsync($"/live/v1/sessions/{id}/broadcast")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await LiveScenarios.GoLiveAsync(platform, c, id);
        var live = await (await c.Learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var managers = await (await c.Manager.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches($"^http://127.0.0.1:8088/hls/[A-Za-z0-9_-]{{22}}/[0-9]+/{c.Learner.UserId:N}/{id:N}\\.m3u8$", live.GetProperty("playbackUrl").GetString());
        Assert.Contains($"/{c.Manager.UserId:N}/", managers.GetProperty("playbackUrl").GetString(), StringComparison.Ordinal);
        Assert.InRange(live.GetProperty("playbackExpiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5.5));
    }

    [Fact]
    public async Task The_list_shows_a_provisions_sessions_newest_first_to_managers_and_enrollees_only()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var start = DateTimeOffset.UtcNow.AddDays(1);
        foreach (var (title, days) in new[] { ("첫째", 0), ("셋째", 2), ("둘째", 1) })
        {
            (await c.Manager.PostAsync("/live/v1/sessions",
                new { courseProvideId = c.ProvisionId, title, scheduledStart = start.AddDays(days), scheduledEnd = start.AddDays(days).AddHours(1) }))
                .EnsureSuccessStatusCode();
        }
        var path = $"/live/v1/sessions?courseProvideId={c.ProvisionId}";

        var list = await (await c.Learner.GetAsync(path)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["셋째", "둘째", "첫째"], list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await c.Manager.GetAsync(path)).StatusCode);
        await (await c.Dropped.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.OtherManager.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Stranger.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_provision_the_list_holds_every_session_the_caller_may_see_with_its_course()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c, "전체 목록")).GetProperty("id").GetGuid();

        async Task<List<JsonElement>> MineAsync(Caller caller) =>
            [.. (await (await caller.GetAsync("/live/v1/sessions?size=100")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];

        var managers = await MineAsync(c.Manager);
        var learners = await MineAsync(c.Learner);

        var seen = Assert.Single(managers);
        Assert.Equal(id, seen.GetProperty("id").GetGuid());
        Assert.Equal("라이브 과정", seen.GetProperty("courseTitle").GetString());
        Assert.Equal([id], learners.Select(s => s.GetProperty("id").GetGuid()));
        Assert.Empty(await MineAsync(c.OtherManager));
        Assert.Empty(await MineAsync(c.Dropped));
        Assert.Empty(await MineAsync(c.Stranger));
    }

    [Fact]
    public async Task Other_organisations_and_cancelled_enrollees_find_no_session()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        foreach (var outsider in new[] { c.OtherManager, c.Stranger, c.Dropped })
        {
            await (await outsider.GetAsync($"/live/v1/sessions/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.GetAsync($"/live/v1/sessions/{id}/broadcast")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.PostAsync($"/live/v1/sessions/{id}/cancel")).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        await (await c.OtherManager.PostAsync("/live/v1/sessions", new
        {
            courseProvideId = c.ProvisionId, title = "남의 강의", scheduledStart = DateTimeOffset.UtcNow, scheduledEnd = DateTimeOffset.UtcNow.AddHours(1),
        })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Learner.PostAsync("/live/v1/sessions", new
        {
            courseProvideId = c.ProvisionId, title = "학습자 강의", scheduledStart = DateTimeOffset.UtcNow, scheduledEnd = DateTimeOffset.UtcNow.AddHours(1),
        })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_schedules_are_refused_naming_the_field()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var start = DateTimeOffset.UtcNow.AddHours(1);

        var backwards = await (await c.Manager.PostAsync("/live/v1/sessions",
            new { courseProvideId = c.ProvisionId, title = "거꾸로", scheduledStart = start, scheduledEnd = start.AddMinutes(-1) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var blank = await (await c.Manager.PostAsync("/live/v1/sessions",
            new { courseProvideId = c.ProvisionId, title = "  ", scheduledStart = start, scheduledEnd = start.AddHours(1) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(backwards.GetProperty("errors").TryGetProperty("scheduledEnd", out _));
        Assert.True(blank.GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(0, (await (await c.Manager.GetAsync($"/live/v1/sessions?courseProvideId={c.ProvisionId}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_session_is_edited_while_scheduled_and_not_after_it_went_live()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        var edited = await (await c.Manager.SendAsync(HttpMethod.Patch, $"/live/v1/sessions/{id}", new { title = "1강 (변경)" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var learnerEdit = await c.Learner.SendAsync(HttpMethod.Patch, $"/live/v1/sessions/{id}", new { title = "x" });
        await LiveScenarios.GoLiveAsync(platform, c, id);
        var lateEdit = await c.Manager.SendAsync(HttpMethod.Patch, $"/live/v1/sessions/{id}", new { title = "늦은 변경" });

        Assert.Equal("1강 (변경)", edited.GetProperty("title").GetString());
        await learnerEdit.AssertProblemAsync(HttpStatusCode.Forbidden);
        await lateEdit.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Ending_and_cancelling_follow_the_session_states()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var live = (await LiveScenarios.ScheduleAsync(c, "진행")).GetProperty("id").GetGuid();
        var cancelled = (await LiveScenarios.ScheduleAsync(c, "취소")).GetProperty("id").GetGuid();

        await (await c.Manager.PostAsync($"/live/v1/sessions/{live}/end")).AssertProblemAsync(HttpStatusCode.Conflict);
        await LiveScenarios.GoLiveAsync(platform, c, live);
        await (await c.Manager.PostAsync($"/live/v1/sessions/{live}/cancel")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await c.Learner.PostAsync($"/live/v1/sessions/{live}/end")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var ended = await (await c.Manager.PostAsync($"/live/v1/sessions/{live}/end")).Content.ReadFromJsonAsync<JsonElement>();
        var gone = await (await c.Manager.PostAsync($"/live/v1/sessions/{cancelled}/cancel")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("ENDED", ended.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("playbackUrl").ValueKind);
        Assert.Equal("CANCELLED", gone.GetProperty("state").GetString());
    }
}
