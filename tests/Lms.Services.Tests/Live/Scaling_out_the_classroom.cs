using Lms.Live.Data;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lms.Services.Tests.Live;

/// <summary>Two live instances on one Redis backplane serve one session.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Scaling_out_the_classroom(Platform platform) : IAsyncLifetime
{
    private ServiceHost<LiveDbContext> second = null!;

    public async Task InitializeAsync() => second = await ServiceHost<LiveDbContext>.StartAsync("live", Platform.LiveSettings);

    public async Task DisposeAsync() => await second.DisposeAsync();

    [Fact]
    public async Task Chat_sent_on_one_instance_reaches_people_connected_to_the_other()
    {
        Assert.False(string.IsNullOrEmpty(Platform.LiveSettings["Live:Redis"]), "LMS_REDIS names the test Redis");
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var onFirst = await ClassroomClient.ConnectAsync(platform.Live, c.Learner);
        await using var onSecond = await ClassroomClient.ConnectAsync(second, c.Manager);
        await onFirst.Connection.InvokeAsync("JoinSession", id);
        await onSecond.Connection.InvokeAsync("JoinSession", id);

        await onFirst.Connection.InvokeAsync("SendChat", "다른 서버에도 보이나요?");

        Assert.Equal("다른 서버에도 보이나요?", (await onSecond.NextAsync("chat")).GetProperty("text").GetString());
    }
}
