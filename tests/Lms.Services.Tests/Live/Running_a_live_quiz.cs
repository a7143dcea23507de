using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lms.Services.Tests.Live;

[Collection(PlatformGroup.Name)]
public sealed class Running_a_live_quiz(Platform platform)
{
    private static readonly string[] OneOption = ["하나"];
    private static readonly string[] TwoOptions = ["a", "b"];
    private static readonly string[] SevenOptions = ["1", "2", "3", "4", "5", "6", "7"];

    private static object Question(int seconds = 60) => new
    {
        question = "수료 기준 진도율은?", options = new[] { "60%", "80%", "100%" }, correctOption = 1, solution = "사업주훈련은 80% 이상", timeLimitSeconds = seconds,
    };

    internal static async Task<Guid> PrepareAsync(LiveClass c, Guid sessionId, int seconds = 60)
    {
        var response = await c.Manager.PostAsync($"/live/v1/sessions/{sessionId}/quizzes", Question(seconds));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_round_shows_the_question_without_the_answer_tallies_for_managers_and_reveals_on_close()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var quiz = await PrepareAsync(c, id);
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var manager = await ClassroomClient.ConnectAsync(platform, c.Manager);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await using var other = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        foreach (var client in new[] { manager, learner, other })
        {
            await client.Connection.InvokeAsync("JoinSession", id);
        }

        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/push")).EnsureSuccessStatusCode();
        var started = await learner.NextAsync("quizStarted");
        await learner.Connection.InvokeAsync("AnswerQuiz", quiz, 1);
        await other.Connection.InvokeAsync("AnswerQuiz", quiz, 2);
        var tally = await manager.NextAsync("quizTally", t => t.GetProperty("counts").EnumerateArray().Sum(x => x.GetInt32()) == 2);
        var closed = await (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/close")).Content.ReadFromJsonAsync<JsonElement>();
        var reveal = await other.NextAsync("quizClosed");
        var results = await (await c.Manager.GetAsync($"/live/v1/quizzes/{quiz}/results")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["60%", "80%", "100%"], started.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.False(started.TryGetProperty("correctOption", out _));
        Assert.False(started.TryGetProperty("solution", out _));
        Assert.Empty(learner.All("quizTally"));
        Assert.Equal([0, 1, 1], tally.GetProperty("counts").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal("CLOSED", closed.GetProperty("state").GetString());
        Assert.Equal(1, reveal.GetProperty("correctOption").GetInt32());
        Assert.Equal("사업주훈련은 80% 이상", reveal.GetProperty("solution").GetString());
        var answers = results.GetProperty("answers").EnumerateArray().ToList();
        Assert.True(answers.Single(a => a.GetProperty("userId").GetGuid() == c.Learner.UserId).GetProperty("correct").GetBoolean());
        Assert.False(answers.Single(a => a.GetProperty("userId").GetGuid() == c.OtherLearner.UserId).GetProperty("correct").GetBoolean());
    }

    [Fact]
    public async Task Answers_twice_after_close_out_of_range_or_from_a_manager_are_refused_and_not_counted()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var quiz = await PrepareAsync(c, id);
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var manager = await ClassroomClient.ConnectAsync(platform, c.Manager);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await using var other = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        foreach (var client in new[] { manager, learner, other })
        {
            await client.Connection.InvokeAsync("JoinSession", id);
        }
        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/push")).EnsureSuccessStatusCode();

        var outOfRange = await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("AnswerQuiz", quiz, 3));
        await learner.Connection.InvokeAsync("AnswerQuiz", quiz, 0);
        var twice = await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("AnswerQuiz", quiz, 1));
        var byManager = await Assert.ThrowsAsync<HubException>(() => manager.Connection.InvokeAsync("AnswerQuiz", quiz, 1));
        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/close")).EnsureSuccessStatusCode();
        var late = await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync("AnswerQuiz", quiz, 1));
        var results = await (await c.Manager.GetAsync($"/live/v1/quizzes/{quiz}/results")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("option", outOfRange.Message, StringComparison.Ordinal);
        Assert.Contains("already answered", twice.Message, StringComparison.Ordinal);
        Assert.Contains("learners", byManager.Message, StringComparison.Ordinal);
        Assert.Contains("not open", late.Message, StringComparison.Ordinal);
        Assert.Equal([1, 0, 0], results.GetProperty("counts").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal(0, results.GetProperty("answers")[0].GetProperty("option").GetInt32());
    }

    [Fact]
    public async Task A_quiz_is_pushed_only_while_live_by_managers_and_closes_itself_at_the_limit()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var quiz = await PrepareAsync(c, id, seconds: 5);

        await (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/push")).AssertProblemAsync(HttpStatusCode.Conflict);
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await learner.Connection.InvokeAsync("JoinSession", id);
        await (await c.Learner.PostAsync($"/live/v1/quizzes/{quiz}/push")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Stranger.PostAsync($"/live/v1/quizzes/{quiz}/push")).AssertProblemAsync(HttpStatusCode.NotFound);
        (await c.Manager.PostAsync($"/live/v1/quizzes/{quiz}/push")).EnsureSuccessStatusCode();
        await using var joinedLate = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await joinedLate.Connection.InvokeAsync("JoinSession", id);

        Assert.Equal(quiz, (await joinedLate.NextAsync("quizStarted")).GetProperty("quizId").GetGuid());
        var reveal = await Eventually.GetAsync(() => Task.FromResult(learner.All("quizClosed").FirstOrDefault()),
            r => r.ValueKind != JsonValueKind.Undefined, TimeSpan.FromSeconds(15), "the quiz closed at its limit");
        Assert.Equal(1, reveal.GetProperty("correctOption").GetInt32());
    }

    [Fact]
    public async Task Bad_questions_are_refused_naming_the_field()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        var oneOption = await (await c.Manager.PostAsync($"/live/v1/sessions/{id}/quizzes",
            new { question = "?", options = OneOption, correctOption = 0, timeLimitSeconds = 30 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var sevenOptions = await (await c.Manager.PostAsync($"/live/v1/sessions/{id}/quizzes",
            new { question = "?", options = SevenOptions, correctOption = 0, timeLimitSeconds = 30 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var badAnswer = await (await c.Manager.PostAsync($"/live/v1/sessions/{id}/quizzes",
            new { question = "?", options = TwoOptions, correctOption = 2, timeLimitSeconds = 30 })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(oneOption.GetProperty("errors").TryGetProperty("options", out _));
        Assert.True(sevenOptions.GetProperty("errors").TryGetProperty("options", out _));
        Assert.True(badAnswer.GetProperty("errors").TryGetProperty("correctOption", out _));
        await (await c.Learner.PostAsync($"/live/v1/sessions/{id}/quizzes", Question())).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task After_each_close_the_leaderboard_ranks_correct_answers_then_time_and_each_learner_sees_their_own_row()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var first = await PrepareAsync(c, id);
        var second = await PrepareAsync(c, id);
        await LiveScenarios.GoLiveAsync(platform, c, id);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await using var other = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await learner.Connection.InvokeAsync("JoinSession", id);
        await other.Connection.InvokeAsync("JoinSession", id);

        // Round 1: both right, the other learner faster. Round 2: only the learner right.
        (await c.Manager.PostAsync($"/live/v1/quizzes/{first}/push")).EnsureSuccessStatusCode();
        await other.Connection.InvokeAsync("AnswerQuiz", first, 1);
        await Task.Delay(300);
        await learner.Connection.InvokeAsync("AnswerQuiz", first, 1);
        (await c.Manager.PostAsync($"/live/v1/quizzes/{first}/close")).EnsureSuccessStatusCode();
        var afterFirst = await other.NextAsync("leaderboard", b => b.GetProperty("scope").GetString() == "session" && b.GetProperty("me").ValueKind == JsonValueKind.Object);
        (await c.Manager.PostAsync($"/live/v1/quizzes/{second}/push")).EnsureSuccessStatusCode();
        await learner.Connection.InvokeAsync("AnswerQuiz", second, 1);
        await other.Connection.InvokeAsync("AnswerQuiz", second, 0);
        (await c.Manager.PostAsync($"/live/v1/quizzes/{second}/close")).EnsureSuccessStatusCode();
        var afterSecond = await other.NextAsync("leaderboard", b => b.GetProperty("scope").GetString() == "session" &&
            b.GetProperty("me").ValueKind == JsonValueKind.Object && b.GetProperty("me").GetProperty("rank").GetInt32() == 2);
        var provision = await learner.NextAsync("leaderboard", b => b.GetProperty("scope").GetString() == "provision" &&
            b.GetProperty("entries")[0].GetProperty("correct").GetInt32() == 2);

        Assert.Equal(1, afterFirst.GetProperty("me").GetProperty("rank").GetInt32());
        Assert.Equal(["학습자", "동료"], afterSecond.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal([2, 1], afterSecond.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("correct").GetInt32()));
        Assert.Equal("학습자", provision.GetProperty("entries")[0].GetProperty("name").GetString());
    }
}
