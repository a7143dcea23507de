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
}
