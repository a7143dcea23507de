using System.Net.WebSockets;
using Lms.Live.Broadcasting;
using Lms.Live.Data;
using Lms.Services.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Live;

/// <summary>
/// The relay's bounds, against a live instance whose "ffmpeg" never reads its input (a stalled encoder): memory stays
/// bounded and the browser is told why its broadcast was refused.
/// </summary>
[Collection(PlatformGroup.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the stalled encoder is a shell script
public sealed class Relaying_a_broadcast_under_pressure(Platform platform) : IAsyncLifetime
{
    private const int MaxMessageBytes = 64 * 1024;
    private readonly string stalled = Path.Combine(Path.GetTempPath(), $"lms-stalled-ffmpeg-{Guid.NewGuid():N}");
    private ServiceHost<LiveDbContext> live = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(stalled, "#!/bin/sh\nexec sleep 120\n");
        File.SetUnixFileMode(stalled, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        live = await ServiceHost<LiveDbContext>.StartAsync("live", new Dictionary<string, string>(Platform.LiveSettings)
        {
            ["Live:Broadcast:Ffmpeg"] = stalled,
            ["Live:Broadcast:MaxMessageBytes"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Live:Broadcast:QueuedMessages"] = "2",
            ["Live:Broadcast:StallTimeout"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await live.DisposeAsync();
        File.Delete(stalled);
    }

    [Fact]
    public async Task An_encoder_that_stops_taking_the_stream_gets_the_broadcast_refused_instead_of_memory_growing()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        var manager = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);
        var (socket, _) = await BroadcastSockets.ConnectAsync(live, manager, id);
        using var open = socket!;
        var relays = live.Services.GetRequiredService<BroadcastRelays>();
        var encoder = await Eventually.GetAsync(() => Task.FromResult(relays.ProcessId(id)), pid => pid is not null, TimeSpan.FromSeconds(5), "the relay runs");

        var chunk = new byte[MaxMessageBytes];
        for (var i = 0; i < 12; i++)
        {
            await open.SendAsync(chunk, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        }
        var (status, reason) = await BroadcastSockets.ClosedWithAsync(open, TimeSpan.FromSeconds(20));

        Assert.Equal(4503, status);
        Assert.Equal("The relay could not keep up with the stream.", reason);
        await Eventually.TrueAsync(() => Task.FromResult(BroadcastSockets.Exited(encoder!.Value) && !relays.IsRunning(id)), TimeSpan.FromSeconds(10),
            "the stalled encoder was stopped and the session's place freed");
    }

    [Fact]
    public async Task A_message_over_the_limit_or_in_text_closes_the_broadcast_naming_the_rule()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var large = (await LiveScenarios.ScheduleAsync(c, "큰 조각")).GetProperty("id").GetGuid();
        var text = (await LiveScenarios.ScheduleAsync(c, "글자")).GetProperty("id").GetGuid();
        var manager = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);

        var (first, _) = await BroadcastSockets.ConnectAsync(live, manager, large);
        using var tooLarge = first!;
        await tooLarge.SendAsync(new byte[MaxMessageBytes + 1], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        var (second, _) = await BroadcastSockets.ConnectAsync(live, manager, text);
        using var notBinary = second!;
        await notBinary.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        var (largeStatus, largeReason) = await BroadcastSockets.ClosedWithAsync(tooLarge, TimeSpan.FromSeconds(10));
        var (textStatus, _) = await BroadcastSockets.ClosedWithAsync(notBinary, TimeSpan.FromSeconds(10));

        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, largeStatus);
        Assert.Equal($"A message may be at most {MaxMessageBytes} bytes.", largeReason);
        Assert.Equal((int)WebSocketCloseStatus.InvalidMessageType, textStatus);
    }
}
