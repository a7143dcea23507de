using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lms.EndToEnd.Tests;

/// <summary>The classroom hub through the gateway over WebSockets, with the token in the query as a browser sends it.</summary>
public sealed class Chatting_in_a_live_class
{
    [Fact]
    public async Task An_enrolled_employee_chats_with_the_class_through_the_gateway_and_an_outsider_cannot_join()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 1, beginInDays: 0);
        var start = DateTimeOffset.UtcNow.AddMinutes(5);
        var session = await classroom.Manager.SucceedAsync(HttpMethod.Post, "/live/v1/sessions",
            new { courseProvideId = classroom.ProvisionId, title = "실시간 특강", scheduledStart = start, scheduledEnd = start.AddHours(1) });
        var sessionId = session.GetProperty("id").GetGuid();
        // The live service learns of the enrollment by an event; the learner sees the session once it has.
        await classroom.Employees[0].SucceedAsync(HttpMethod.Get, $"/live/v1/sessions/{sessionId}");

        await using var learner = await ConnectAsync(classroom.Employees[0]);
        await using var manager = await ConnectAsync(classroom.Manager);
        await learner.Connection.InvokeAsync("JoinSession", sessionId);
        await manager.Connection.InvokeAsync("JoinSession", sessionId);
        await learner.Connection.InvokeAsync("SendChat", "질문 있습니다");

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = await manager.Chat.Reader.ReadAsync(wait.Token);
        Assert.Equal("질문 있습니다", seen);
        await using var outsider = await ConnectAsync(classroom.Supervisor);
        await Assert.ThrowsAnyAsync<HubException>(() => outsider.Connection.InvokeAsync("JoinSession", sessionId));
    }

    private sealed record HubClient(HubConnection Connection, Channel<string> Chat) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private static async Task<HubClient> ConnectAsync(Person person)
    {
        var url = new Uri(RunningPlatform.Gateway, $"/live/hubs/classroom?access_token={Uri.EscapeDataString(person.AccessToken)}");
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var chat = Channel.CreateUnbounded<string>();
        connection.On<ChatMessage>("chat", message => chat.Writer.TryWrite(message.Text));
        await connection.StartAsync();
        return new HubClient(connection, chat);
    }

    private sealed record ChatMessage(Guid Id, Guid UserId, string Name, string Text, DateTimeOffset SentAt);
}
