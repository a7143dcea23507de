using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Live;

/// <summary>
/// The classroom follows who may be in it and what state the session is in, on connections that are already open:
/// access lost closes the connection, state changes are pushed, an ended session takes no chat or heartbeats, events
/// reach only connections joined to their session, and floods are throttled.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Following_access_and_state_in_the_classroom(Platform platform)
{
    [Fact]
    public async Task A_learner_whose_enrollment_ends_is_disconnected_and_an_answer_after_that_is_not_counted()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var quiz = await Running_a_live_quiz.PrepareAsync(c, id);
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await learner.Connection.InvokeAsync("JoinSession", id);
        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/push")).EnsureSuccessStatusCode();
        await learner.NextAsync("quizStarted");

        await LiveScenarios.CancelEnrollmentAsync(platform, c, c.Learner);
        var answer = await Record.ExceptionAsync(() => learner.Connection.InvokeAsync("AnswerQuiz", quiz, 1));

        Assert.NotNull(answer);
        await Eventually.TrueAsync(() => Task.FromResult(learner.Connection.State == HubConnectionState.Disconnected), TimeSpan.FromSeconds(10),
            "the removed learner's connection is closed");
        Assert.False(await platform.Live.WithDbAsync(db => db.QuizAnswers.AnyAsync(a => a.QuizId == quiz && a.UserId == c.Learner.UserId)));
        await using var again = await ClassroomClient.ConnectAsync(platform, c.Learner);
        var rejoin = await Assert.ThrowsAsync<HubException>(() => again.Connection.InvokeAsync("JoinSession", id));
        Assert.Contains("does not exist", rejoin.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_that_only_listens_is_closed_when_access_ends()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await learner.Connection.InvokeAsync("JoinSession", id);

        await LiveScenarios.CancelEnrollmentAsync(platform, c, c.OtherLearner);

        await Eventually.TrueAsync(() => Task.FromResult(learner.Connection.State == HubConnectionState.Disconnected), TimeSpan.FromSeconds(10),
            "the removed learner's idle connection is closed");
    }

    [Fact]
    public async Task A_connection_ends_when_its_access_token_expires()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var shortLived = new Caller(platform.Live.Client, TestTokens.Mint(c.Learner.UserId, [Roles.Employee], lifetime: TimeSpan.FromSeconds(4)))
        {
            UserId = c.Learner.UserId,
        };
        await using var learner = await ClassroomClient.ConnectAsync(platform, shortLived);
        await learner.Connection.InvokeAsync("JoinSession", id);

        await Eventually.TrueAsync(() => Task.FromResult(learner.Connection.State == HubConnectionState.Disconnected), TimeSpan.FromSeconds(20),
            "the connection closes once its token expired");
    }

    [Fact]
    public async Task A_connection_whose_sign_in_was_revoked_is_closed_and_cannot_join_again()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var signIn = Guid.CreateVersion7();
        var signedIn = new Caller(platform.Live.Client, TestTokens.Mint(c.Learner.UserId, [Roles.Employee], signInSession: signIn))
        {
            UserId = c.Learner.UserId,
        };
        await using var learner = await ClassroomClient.ConnectAsync(platform, signedIn);
        await learner.Connection.InvokeAsync("JoinSession", id);

        // A password reset elsewhere: identity revokes every session of the account and says so.
        await platform.Live.Services.GetRequiredService<MassTransit.IBus>()
            .Publish(new Lms.Contracts.Identity.SessionsRevoked(c.Learner.UserId, [signIn], DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(() => Task.FromResult(learner.Connection.State == HubConnectionState.Disconnected), TimeSpan.FromSeconds(20),
            "the revoked sign-in's connection is closed");
        await using var again = await ClassroomClient.ConnectAsync(platform, signedIn);
        var rejoin = await Assert.ThrowsAsync<HubException>(() => again.Connection.InvokeAsync("JoinSession", id));
        Assert.Contains("sign in again", rejoin.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_and_ended_are_pushed_to_a_learner_who_joined_while_scheduled_and_the_ended_session_takes_no_chat_or_heartbeats()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await learner.Connection.InvokeAsync("JoinSession", id);
        Assert.Equal("SCHEDULED", (await learner.NextAsync("sessionState")).GetProperty("state").GetString());

        await LiveScenarios.GoLiveAsync(platform, c, id);
        var live = await learner.NextAsync("sessionState", s => s.GetProperty("state").GetString() == "LIVE");
        Assert.Equal(HttpStatusCode.OK, (await c.Manager.PostAsync($"/live/v1/sessions/{id}/end", null)).StatusCode);
        var ended = await learner.NextAsync("sessionState", s => s.GetProperty("state").GetString() == "ENDED");
        var chat = await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("SendChat", "끝났나요?"));
        var heartbeat = await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("Heartbeat"));
        await using var late = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await late.Connection.InvokeAsync("JoinSession", id);
        var onRejoin = await late.NextAsync("sessionState");

        Assert.Equal(id, live.GetProperty("sessionId").GetGuid());
        Assert.Equal(JsonValueKind.String, ended.GetProperty("endedAt").ValueKind);
        Assert.Contains("ended", chat.Message, StringComparison.Ordinal);
        Assert.Contains("ended", heartbeat.Message, StringComparison.Ordinal);
        Assert.Equal("ENDED", onRejoin.GetProperty("state").GetString());
        Assert.True(onRejoin.TryGetProperty("recording", out _));
        Assert.False(await platform.Live.WithDbAsync(db => db.ChatMessages.AnyAsync(m => m.SessionId == id)));
    }

    [Fact]
    public async Task A_cancelled_session_is_pushed_and_its_playback_is_never_offered()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var scheduled = await LiveScenarios.ScheduleAsync(c);
        var id = scheduled.GetProperty("id").GetGuid();
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await learner.Connection.InvokeAsync("JoinSession", id);

        Assert.Equal(HttpStatusCode.OK, (await c.Manager.PostAsync($"/live/v1/sessions/{id}/cancel", null)).StatusCode);

        await learner.NextAsync("sessionState", s => s.GetProperty("state").GetString() == "CANCELLED");
        Assert.Equal(JsonValueKind.Null, scheduled.GetProperty("playbackUrl").ValueKind);
    }

    [Fact]
    public async Task Session_events_reach_only_connections_joined_to_the_session_once_per_scope()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var quiz = await Running_a_live_quiz.PrepareAsync(c, id);
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var joined = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await using var elsewhere = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await joined.Connection.InvokeAsync("JoinSession", id);

        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/push")).EnsureSuccessStatusCode();
        await joined.NextAsync("quizStarted");
        await joined.Connection.InvokeAsync("AnswerQuiz", quiz, 1);
        await joined.Connection.InvokeAsync("SendChat", "안녕하세요");
        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/close")).EnsureSuccessStatusCode();
        await joined.NextAsync("leaderboard", b => b.GetProperty("scope").GetString() == "provision");
        await Task.Delay(500);

        Assert.Empty(elsewhere.Received);
        var boards = joined.All("leaderboard").ToList();
        Assert.Equal(["session", "provision"], boards.Select(b => b.GetProperty("scope").GetString()).Order().Reverse());
        Assert.All(boards, b => Assert.Equal(id, b.GetProperty("sessionId").GetGuid()));
        Assert.All(boards, b => Assert.Equal(1, b.GetProperty("me").GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Join_and_heartbeat_floods_on_one_connection_are_refused_with_the_reason()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);

        var joins = new List<Exception?>();
        for (var i = 0; i < 6; i++)
        {
            joins.Add(await Record.ExceptionAsync(() => learner.Connection.InvokeAsync("JoinSession", id)));
        }
        var beats = new List<Exception?>();
        for (var i = 0; i < Platform.LiveHeartbeatsPerMinute + 1; i++)
        {
            beats.Add(await Record.ExceptionAsync(() => learner.Connection.InvokeAsync("Heartbeat")));
        }

        Assert.All(joins.Take(5), Assert.Null);
        Assert.Contains("Too many joins", Assert.IsType<HubException>(joins[5]).Message, StringComparison.Ordinal);
        Assert.All(beats.Take(Platform.LiveHeartbeatsPerMinute), Assert.Null);
        Assert.Contains("Too many heartbeats", Assert.IsType<HubException>(beats[^1]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_signed_websocket_from_a_foreign_page_is_refused_and_one_from_the_web_app_is_not()
    {
        var learner = (await LiveScenarios.ClassAsync(platform)).Learner;

        var foreign = await UpgradeAsync(learner.Token!, "https://evil.example");
        var own = await UpgradeAsync(learner.Token!, "http://localhost:3000");

        Assert.Equal(HttpStatusCode.Forbidden, foreign);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, own);
    }

    private async Task<HttpStatusCode> UpgradeAsync(string token, string origin)
    {
        var client = platform.Live.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            request.Headers.Origin = origin;
            request.Headers.Cookie = $"{AuthCookieNames.AccessToken}={token}";
        };
        try
        {
            using var socket = await client.ConnectAsync(new Uri(platform.Live.Server.BaseAddress, "/live/hubs/classroom"), CancellationToken.None);
            return HttpStatusCode.SwitchingProtocols;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("403", StringComparison.Ordinal))
        {
            return HttpStatusCode.Forbidden;
        }
    }
}
