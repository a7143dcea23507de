using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Live;

/// <summary>nginx-rtmp's callbacks, played by the test as nginx would make them.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Publishing_a_stream(Platform platform)
{
    [Fact]
    public async Task The_current_key_starts_the_session_under_its_public_name()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var key = (await LiveScenarios.BroadcastAsync(c, id)).GetProperty("streamKey").GetString()!;

        using var publish = await LiveScenarios.NginxCallsAsync(platform, "on-publish", key);
        var seen = await (await c.Learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Found, publish.StatusCode);
        Assert.Equal(id.ToString("N"), publish.Headers.Location?.OriginalString);
        Assert.Equal("LIVE", seen.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_wrong_key_is_rejected()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        using var publish = await LiveScenarios.NginxCallsAsync(platform, "on-publish", "lk_guessed-key");

        await publish.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("SCHEDULED", (await (await c.Manager.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_replaced_key_is_refused_from_then_on_and_the_new_one_works()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var old = (await LiveScenarios.BroadcastAsync(c, id)).GetProperty("streamKey").GetString()!;

        var replaced = await (await c.Manager.PostAsync($"/live/v1/sessions/{id}/broadcast/key")).Content.ReadFromJsonAsync<JsonElement>();
        var fresh = replaced.GetProperty("streamKey").GetString()!;
        using var withOld = await LiveScenarios.NginxCallsAsync(platform, "on-publish", old);
        using var withNew = await LiveScenarios.NginxCallsAsync(platform, "on-publish", fresh);

        Assert.NotEqual(old, fresh);
        await withOld.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Found, withNew.StatusCode);
        await (await c.Learner.PostAsync($"/live/v1/sessions/{id}/broadcast/key")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_second_publish_while_live_is_refused()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await LiveScenarios.GoLiveAsync(platform, c, id);
        var key = (await LiveScenarios.BroadcastAsync(c, id)).GetProperty("streamKey").GetString()!;

        using var again = await LiveScenarios.NginxCallsAsync(platform, "on-publish", key);

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_stream_stopping_ends_the_session_and_its_key_cannot_restart_it()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var key = (await LiveScenarios.BroadcastAsync(c, id)).GetProperty("streamKey").GetString()!;
        await LiveScenarios.GoLiveAsync(platform, c, id);

        using var done = await LiveScenarios.NginxCallsAsync(platform, "on-publish-done", id.ToString("N"));
        using var again = await LiveScenarios.NginxCallsAsync(platform, "on-publish", key);

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal("ENDED", (await (await c.Learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("state").GetString());
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Callbacks_without_the_shared_secret_change_nothing()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var key = (await LiveScenarios.BroadcastAsync(c, id)).GetProperty("streamKey").GetString()!;

        using var forged = await LiveScenarios.NginxCallsAsync(platform, "on-publish", key, secret: "not-the-secret");
        using var noSecret = await LiveScenarios.NginxCallsAsync(platform, "on-publish", key, secret: "");

        await forged.AssertProblemAsync(HttpStatusCode.Forbidden);
        await noSecret.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("SCHEDULED", (await (await c.Manager.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("state").GetString());
    }

    [Fact]
    public async Task Callbacks_with_the_secret_but_on_the_public_listener_do_not_exist()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var key = (await LiveScenarios.BroadcastAsync(c, id)).GetProperty("streamKey").GetString()!;

        using var publish = await LiveScenarios.NginxCallsAsync(platform, "on-publish", key, port: 5106);
        using var done = await LiveScenarios.NginxCallsAsync(platform, "on-publish-done", $"{id:N}", port: 5106);
        using var client = LiveScenarios.NginxClient(platform.Live, port: 5106);
        using var check = new HttpRequestMessage(HttpMethod.Get, "/live/v1/streams/playback");
        check.Headers.Add("X-Lms-Stream-Secret", Platform.LiveCallbackSecret);
        using var playback = await client.SendAsync(check);

        await publish.AssertProblemAsync(HttpStatusCode.NotFound);
        await done.AssertProblemAsync(HttpStatusCode.NotFound);
        await playback.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("SCHEDULED", (await (await c.Manager.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("state").GetString());
    }

    [Fact]
    public async Task IVS_stream_state_events_start_and_end_the_channels_session_and_need_the_events_key()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        // The in-process service streams locally, where a session's channel id is its public stream name.
        var channel = id.ToString("N");

        using var forged = await IvsEventAsync(channel, "Stream Start", key: "wrong");
        var afterForged = await StateAsync(c, id);
        using var start = await IvsEventAsync(channel, "Stream Start");
        var afterStart = await StateAsync(c, id);
        using var end = await IvsEventAsync(channel, "Stream End");

        await forged.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("SCHEDULED", afterForged);
        Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
        Assert.Equal("LIVE", afterStart);
        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Equal("ENDED", await StateAsync(c, id));
    }

    private async Task<HttpResponseMessage> IvsEventAsync(string channel, string eventName, string key = Platform.LiveEventsApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/live/v1/streams/ivs-events")
        {
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["version"] = "0", ["id"] = Guid.NewGuid().ToString(), ["detail-type"] = "IVS Stream State Change", ["source"] = "aws.ivs",
                ["account"] = "123456789012", ["time"] = DateTimeOffset.UtcNow, ["region"] = "ap-northeast-2", ["resources"] = new[] { channel },
                ["detail"] = new Dictionary<string, string> { ["event_name"] = eventName, ["channel_name"] = "lms", ["stream_id"] = "st-1" },
            }),
        };
        request.Headers.Add("X-Api-Key", key);
        return await platform.Live.Client.SendAsync(request);
    }

    private static async Task<string?> StateAsync(LiveClass c, Guid id) =>
        (await (await c.Manager.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString();
}
