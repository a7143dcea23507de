using System.Collections.Concurrent;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lms.Services.Tests.Live;

/// <summary>One person's connection to the classroom hub of the in-process live service, recording what it receives.</summary>
public sealed class ClassroomClient : IAsyncDisposable
{
    private ClassroomClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public ConcurrentQueue<(string Method, JsonElement Payload)> Received { get; } = new();

    public static Task<ClassroomClient> ConnectAsync(Platform platform, Caller caller, bool tokenInQuery = false) =>
        ConnectAsync(platform.Live, caller, tokenInQuery);

    public static async Task<ClassroomClient> ConnectAsync(ServiceHost<Lms.Live.Data.LiveDbContext> host, Caller caller, bool tokenInQuery = false)
    {
        var server = host.Server;
        var url = new Uri(server.BaseAddress, "/live/hubs/classroom" + (tokenInQuery ? $"?access_token={caller.Token}" : ""));
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (!tokenInQuery)
                {
                    options.AccessTokenProvider = () => Task.FromResult(caller.Token);
                }
            })
            .Build();
        return await ListenAsync(connection);
    }

    /// <summary>A connection over WebSockets to a live service listening at <paramref name="address"/> (another process).</summary>
    public static async Task<ClassroomClient> ConnectAsync(Uri address, Caller caller)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/live/hubs/classroom"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult(caller.Token);
            })
            .Build();
        return await ListenAsync(connection);
    }

    private static async Task<ClassroomClient> ListenAsync(HubConnection connection)
    {
        var client = new ClassroomClient(connection);
        foreach (var method in new[] { "sessionState", "chat", "chatDeleted", "quizStarted", "quizTally", "quizClosed", "leaderboard" })
        {
            connection.On<JsonElement>(method, payload => client.Received.Enqueue((method, payload)));
        }
        await connection.StartAsync();
        return client;
    }

    public IEnumerable<JsonElement> All(string method) => Received.Where(r => r.Method == method).Select(r => r.Payload);

    public Task<JsonElement> NextAsync(string method, Func<JsonElement, bool>? where = null) =>
        Eventually.GetAsync(() => Task.FromResult(All(method).Where(where ?? (_ => true)).FirstOrDefault()),
            payload => payload.ValueKind != JsonValueKind.Undefined, TimeSpan.FromSeconds(10), $"a {method} message");

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

[Collection(PlatformGroup.Name)]
public sealed class Chatting_in_the_classroom(Platform platform)
{
    [Fact]
    public async Task Enrolled_learners_and_managers_chat_and_a_late_joiner_gets_the_history()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var manager = await ClassroomClient.ConnectAsync(platform, c.Manager);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);

        await manager.Connection.InvokeAsync("JoinSession", id);
        await learner.Connection.InvokeAsync("JoinSession", id);
        await learner.Connection.InvokeAsync("SendChat", "  안녕하세요  ");
        var seenByManager = await manager.NextAsync("chat");
        await using var late = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await late.Connection.InvokeAsync("JoinSession", id);

        Assert.Equal("안녕하세요", seenByManager.GetProperty("text").GetString());
        Assert.Equal("학습자", seenByManager.GetProperty("name").GetString());
        Assert.Equal(c.Learner.UserId, seenByManager.GetProperty("userId").GetGuid());
        Assert.Equal("SCHEDULED", (await late.NextAsync("sessionState")).GetProperty("state").GetString());
        Assert.Equal("안녕하세요", (await late.NextAsync("chat")).GetProperty("text").GetString());
        Assert.Equal("안녕하세요", (await learner.NextAsync("chat")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Outsiders_and_cancelled_enrollees_cannot_join()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        foreach (var outsider in new[] { c.Stranger, c.OtherManager, c.Dropped })
        {
            await using var client = await ClassroomClient.ConnectAsync(platform, outsider);
            var refused = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("JoinSession", id));
            Assert.Contains("does not exist", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("SendChat", "몰래"));
        }
    }

    [Fact]
    public async Task Without_a_token_there_is_no_connection_and_the_query_token_works_on_the_hub()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        await Assert.ThrowsAnyAsync<Exception>(() => ClassroomClient.ConnectAsync(platform, Caller.Anonymous(platform.Live.Client)));
        await using var viaQuery = await ClassroomClient.ConnectAsync(platform, c.Learner, tokenInQuery: true);
        await viaQuery.Connection.InvokeAsync("JoinSession", id);

        Assert.Equal("SCHEDULED", (await viaQuery.NextAsync("sessionState")).GetProperty("state").GetString());
        var apiWithQueryToken = await platform.Live.Client.GetAsync($"/live/v1/sessions/{id}?access_token={c.Learner.Token}");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, apiWithQueryToken.StatusCode);
    }

    [Fact]
    public async Task Long_or_rapid_messages_are_refused_with_a_reason_and_not_stored()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await learner.Connection.InvokeAsync("JoinSession", id);

        var tooLong = await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("SendChat", new string('가', 501)));
        for (var i = 0; i < 5; i++)
        {
            await learner.Connection.InvokeAsync("SendChat", $"메시지 {i}");
        }
        var tooFast = await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("SendChat", "여섯 번째"));

        Assert.Contains("500", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("Too many messages", tooFast.Message, StringComparison.Ordinal);
        var stored = await platform.Live.WithDbAsync(db => Task.FromResult(db.ChatMessages.Where(m => m.SessionId == id).Select(m => m.Text).ToList()));
        Assert.Equal(5, stored.Count);
        Assert.DoesNotContain("여섯 번째", stored);
    }

    [Fact]
    public async Task A_manager_deletes_a_message_for_everyone_and_learners_cannot()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var manager = await ClassroomClient.ConnectAsync(platform, c.Manager);
        await using var learner = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await manager.Connection.InvokeAsync("JoinSession", id);
        await learner.Connection.InvokeAsync("JoinSession", id);
        await learner.Connection.InvokeAsync("SendChat", "광고 메시지");
        var messageId = (await learner.NextAsync("chat")).GetProperty("id").GetGuid();

        await Assert.ThrowsAsync<HubException>(() => learner.Connection.InvokeAsync("DeleteChat", messageId));
        await manager.Connection.InvokeAsync("DeleteChat", messageId);
        var deleted = await learner.NextAsync("chatDeleted");
        await using var late = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await late.Connection.InvokeAsync("JoinSession", id);
        await late.NextAsync("sessionState");

        Assert.Equal(messageId, deleted.GetProperty("id").GetGuid());
        Assert.Empty(late.All("chat"));
    }
}
