using System.Diagnostics.Metrics;
using Lms.Live.Classroom;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Live;

/// <summary>The live service's metrics, each moved by what it counts (docs/OPERATIONS.md, "Metrics").</summary>
[Collection(PlatformGroup.Name)]
public sealed class Counting_the_classroom(Platform platform)
{
    private IMeterFactory Meters => platform.Live.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Open_connections_joined_connections_and_their_sessions_follow_people_coming_and_going()
    {
        using var open = new MetricRecorder("Microsoft.AspNetCore.Http.Connections", "signalr.server.active_connections", Meters);
        using var joined = new MetricRecorder(ClassroomMetrics.MeterName, "lms.live.classroom.connections", Meters);
        using var sessions = new MetricRecorder(ClassroomMetrics.MeterName, "lms.live.classroom.sessions", Meters);
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        var manager = await ClassroomClient.ConnectAsync(platform, c.Manager);
        var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        Assert.Equal(2, open.Sum());
        await manager.Connection.InvokeAsync("JoinSession", id);
        await learner.Connection.InvokeAsync("JoinSession", id);

        Assert.True(Value(joined) >= 2, $"{Value(joined)} joined connections reported");
        Assert.True(Value(sessions) >= 1, $"{Value(sessions)} sessions reported");

        await manager.DisposeAsync();
        await learner.DisposeAsync();
        await Eventually.TrueAsync(() => Task.FromResult(Value(joined) == 0 && Value(sessions) == 0 && open.Sum() == 0),
            TimeSpan.FromSeconds(10), "the classroom emptied");
    }

    [Fact]
    public async Task Each_quiz_answer_taken_is_counted_as_right_or_wrong()
    {
        using var answers = new MetricRecorder(ClassroomMetrics.MeterName, "lms.live.quiz.answers", Meters);
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var quiz = await Running_a_live_quiz.PrepareAsync(c, id);
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await using var other = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await learner.Connection.InvokeAsync("JoinSession", id);
        await other.Connection.InvokeAsync("JoinSession", id);
        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/push")).EnsureSuccessStatusCode();

        await learner.Connection.InvokeAsync("AnswerQuiz", quiz, 1);
        await other.Connection.InvokeAsync("AnswerQuiz", quiz, 2);
        await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync("AnswerQuiz", quiz, 1));

        Assert.Equal(1, answers.Sum(m => m.Tag("lms.quiz.answer.correct") == "True"));
        Assert.Equal(1, answers.Sum(m => m.Tag("lms.quiz.answer.correct") == "False"));
    }

    [Fact]
    public async Task Each_refused_chat_message_is_counted_with_its_reason()
    {
        using var refusals = new MetricRecorder(ClassroomMetrics.MeterName, "lms.live.chat.refusals", Meters);
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);

        await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("SendChat", "아직 입장 전"));
        await learner.Connection.InvokeAsync("JoinSession", id);
        await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("SendChat", "   "));
        await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("SendChat", new string('가', 501)));
        for (var i = 0; i < 4; i++)
        {
            await learner.Connection.InvokeAsync("SendChat", $"메시지 {i}");
        }
        await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("SendChat", "다섯째는 너무 빠름"));

        Assert.Equal(1, refusals.Sum(m => m.Tag("lms.refusal.reason") == ClassroomMetrics.NotAllowed));
        Assert.Equal(1, refusals.Sum(m => m.Tag("lms.refusal.reason") == ClassroomMetrics.Empty));
        Assert.Equal(1, refusals.Sum(m => m.Tag("lms.refusal.reason") == ClassroomMetrics.TooLong));
        Assert.Equal(1, refusals.Sum(m => m.Tag("lms.refusal.reason") == ClassroomMetrics.RateLimited));
    }

    private static double Value(MetricRecorder recorder) => recorder.Observe().Sum(m => m.Value);
}
