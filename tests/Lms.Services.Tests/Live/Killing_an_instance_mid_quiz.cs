using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lms.Services.Tests.Live;

/// <summary>
/// A live instance dies (SIGKILL) while a quiz it pushed is open and learners are connected to it: they reconnect to the
/// other instance, the answer accepted before the crash still counts (once), the others can still answer, and the quiz
/// closes at its limit without the instance that opened it.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Killing_an_instance_mid_quiz(Platform platform)
{
    private static readonly string[] Options = ["60%", "80%", "100%"];

    [Fact]
    public async Task Learners_reconnect_to_the_other_instance_no_accepted_answer_is_lost_or_counted_twice_and_the_quiz_still_closes()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var quiz = (await (await c.Manager.PostAsync($"/live/v1/sessions/{id}/quizzes", new
        {
            question = "수료 기준 진도율은?", options = Options, correctOption = 1, solution = "80% 이상", timeLimitSeconds = 20,
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var doomed = await LiveProcess.StartAsync();
        await using var manager = await ClassroomClient.ConnectAsync(platform, c.Manager);
        await manager.Connection.InvokeAsync("JoinSession", id);
        var onB = new[] { await ClassroomClient.ConnectAsync(doomed.Address, c.Learner), await ClassroomClient.ConnectAsync(doomed.Address, c.OtherLearner) };
        var dropped = onB.Select(client =>
        {
            var closed = new TaskCompletionSource();
            client.Connection.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            return closed.Task;
        }).ToArray();
        foreach (var client in onB)
        {
            await client.Connection.InvokeAsync("JoinSession", id);
        }

        // Pushed through the instance about to die, answered there by one learner.
        using var http = new HttpClient { BaseAddress = doomed.Address };
        using var push = new HttpRequestMessage(HttpMethod.Post, $"/live/v1/quizzes/{quiz}/push");
        push.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Manager.Token);
        (await http.SendAsync(push)).EnsureSuccessStatusCode();
        await onB[0].NextAsync("quizStarted");
        await onB[0].Connection.InvokeAsync("AnswerQuiz", quiz, 1);
        await manager.NextAsync("quizTally");

        await doomed.KillAsync();
        await Task.WhenAll(dropped).WaitAsync(TimeSpan.FromSeconds(30));
        await using var learnerOnA = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await using var otherOnA = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await learnerOnA.Connection.InvokeAsync("JoinSession", id);
        await otherOnA.Connection.InvokeAsync("JoinSession", id);
        var resumed = await otherOnA.NextAsync("quizStarted");
        var again = await Assert.ThrowsAsync<HubException>(() => learnerOnA.Connection.InvokeAsync("AnswerQuiz", quiz, 0));
        await otherOnA.Connection.InvokeAsync("AnswerQuiz", quiz, 0);
        var reveal = await Eventually.GetAsync(() => Task.FromResult(otherOnA.All("quizClosed").FirstOrDefault()),
            r => r.ValueKind != JsonValueKind.Undefined, TimeSpan.FromSeconds(40), "the quiz closed at its limit without the instance that pushed it");
        var results = await (await c.Manager.GetAsync($"/live/v1/quizzes/{quiz}/results")).Content.ReadFromJsonAsync<JsonElement>();
        var board = await learnerOnA.NextAsync("leaderboard", l => l.GetProperty("me").ValueKind == JsonValueKind.Object);

        Assert.Equal(quiz, resumed.GetProperty("quizId").GetGuid());
        Assert.Contains("already answered", again.Message, StringComparison.Ordinal);
        Assert.Equal([1, 1, 0], reveal.GetProperty("counts").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([1, 1, 0], results.GetProperty("counts").EnumerateArray().Select(x => x.GetInt32()));
        var answers = results.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(2, answers.Count);
        Assert.True(answers.Single(a => a.GetProperty("userId").GetGuid() == c.Learner.UserId).GetProperty("correct").GetBoolean());
        Assert.False(answers.Single(a => a.GetProperty("userId").GetGuid() == c.OtherLearner.UserId).GetProperty("correct").GetBoolean());
        Assert.Equal(1, board.GetProperty("me").GetProperty("correct").GetInt32());
        foreach (var client in onB)
        {
            await client.DisposeAsync();
        }
    }
}
