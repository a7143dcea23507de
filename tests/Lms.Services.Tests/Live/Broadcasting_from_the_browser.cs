using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Lms.Contracts.Memberships;
using Lms.Live.Broadcasting;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Live;

/// <summary>
/// The relay that lets a manager broadcast from the browser: who may open it, one at a time, and its ffmpeg following the
/// socket. Nothing is sent here, so the relay's ffmpeg waits for input and never reaches the ingest (the full path
/// through nginx is in <see cref="Streaming_through_nginx"/>).
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Broadcasting_from_the_browser(Platform platform)
{
    private BroadcastRelays Relays => platform.Live.Services.GetRequiredService<BroadcastRelays>();

    [Fact]
    public async Task Only_the_sessions_managers_may_broadcast_and_a_plain_request_says_so_before_any_upgrade()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var path = BroadcastSockets.RelayPath(id);

        var ready = await (await c.Manager.GetAsync(path)).Content.ReadFromJsonAsync<JsonElement>();
        var learner = await BroadcastSockets.ConnectAsync(platform.Live, c.Learner, id);
        var otherManager = await BroadcastSockets.ConnectAsync(platform.Live, c.OtherManager, id);
        var anonymous = await BroadcastSockets.ConnectAsync(platform.Live, Caller.Anonymous(platform.Live.Client), id);

        Assert.Equal("video/webm;codecs=vp8,opus", ready.GetProperty("formats")[0].GetString());
        Assert.True(ready.GetProperty("maxMessageBytes").GetInt32() > 0);
        Assert.DoesNotContain((await LiveScenarios.BroadcastAsync(c, id)).GetProperty("streamKey").GetString()!, ready.GetRawText(), StringComparison.Ordinal);
        await (await c.Learner.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.OtherManager.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Stranger.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, learner.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherManager.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.False(Relays.IsRunning(id));
    }

    [Fact]
    public async Task A_second_broadcast_of_the_same_session_is_refused_while_the_first_runs()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        var (first, status) = await BroadcastSockets.ConnectAsync(platform.Live, c.Manager, id);
        using var running = first!;
        var second = await BroadcastSockets.ConnectAsync(platform.Live, c.Manager, id);
        var asked = await (await c.Manager.GetAsync(BroadcastSockets.RelayPath(id))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.EndsWith("/broadcast-in-progress", asked.GetProperty("type").GetString(), StringComparison.Ordinal);
        await running.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task Closing_the_socket_stops_the_relay_process_and_frees_the_session_for_another_try()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var (socket, _) = await BroadcastSockets.ConnectAsync(platform.Live, c.Manager, id);
        using var open = socket!;
        var ffmpeg = await Eventually.GetAsync(() => Task.FromResult(Relays.ProcessId(id)), pid => pid is not null, TimeSpan.FromSeconds(5), "the relay runs");
        Assert.False(BroadcastSockets.Exited(ffmpeg!.Value));

        await open.CloseAsync(WebSocketCloseStatus.NormalClosure, "stop", CancellationToken.None);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, open.CloseStatus);
        await Eventually.TrueAsync(() => Task.FromResult(BroadcastSockets.Exited(ffmpeg.Value) && !Relays.IsRunning(id)), TimeSpan.FromSeconds(10),
            "ffmpeg stopped and the session's place is free");
        Assert.Equal(HttpStatusCode.OK, (await c.Manager.GetAsync(BroadcastSockets.RelayPath(id))).StatusCode);
    }

    [Fact]
    public async Task A_session_that_is_not_scheduled_any_more_cannot_be_broadcast()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var cancelled = (await LiveScenarios.ScheduleAsync(c, "취소")).GetProperty("id").GetGuid();
        var live = (await LiveScenarios.ScheduleAsync(c, "OBS로 진행 중")).GetProperty("id").GetGuid();
        (await c.Manager.PostAsync($"/live/v1/sessions/{cancelled}/cancel")).EnsureSuccessStatusCode();
        await LiveScenarios.GoLiveAsync(platform, c, live);

        foreach (var id in new[] { cancelled, live })
        {
            var problem = await (await c.Manager.GetAsync(BroadcastSockets.RelayPath(id))).AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.EndsWith("/session-state", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, (await BroadcastSockets.ConnectAsync(platform.Live, c.Manager, id)).Status);
        }
    }

    [Fact]
    public async Task A_manager_removed_mid_broadcast_is_cut_off_with_the_reason_and_the_relay_stops()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var (socket, _) = await BroadcastSockets.ConnectAsync(platform.Live, c.Manager, id);
        using var open = socket!;
        var ffmpeg = await Eventually.GetAsync(() => Task.FromResult(Relays.ProcessId(id)), pid => pid is not null, TimeSpan.FromSeconds(5), "the relay runs");

        await platform.Live.Services.GetRequiredService<IBus>().Publish(
            new InstitutionManagerRemoved(c.InstitutionId, c.Manager.UserId, DateTimeOffset.UtcNow.AddSeconds(1)));
        var (status, reason) = await BroadcastSockets.ClosedWithAsync(open, TimeSpan.FromSeconds(30));

        Assert.Equal(4403, status);
        Assert.Equal("Your access to this session has ended.", reason);
        await Eventually.TrueAsync(() => Task.FromResult(BroadcastSockets.Exited(ffmpeg!.Value)), TimeSpan.FromSeconds(10), "ffmpeg stopped");
    }

    [Fact]
    public async Task Cancelling_the_session_closes_its_broadcast_with_the_reason()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var (socket, _) = await BroadcastSockets.ConnectAsync(platform.Live, c.Manager, id);
        using var open = socket!;

        (await c.Manager.PostAsync($"/live/v1/sessions/{id}/cancel")).EnsureSuccessStatusCode();
        var (status, reason) = await BroadcastSockets.ClosedWithAsync(open, TimeSpan.FromSeconds(30));

        Assert.Equal(4409, status);
        Assert.Equal("The session was cancelled.", reason);
        await Eventually.TrueAsync(() => Task.FromResult(!Relays.IsRunning(id)), TimeSpan.FromSeconds(10), "the relay let go of the session");
    }
}
