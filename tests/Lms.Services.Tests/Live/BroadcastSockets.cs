using System.Net;
using System.Net.WebSockets;
using Lms.Live.Data;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.TestHost;

namespace Lms.Services.Tests.Live;

/// <summary>A manager's page opening the browser-broadcast relay of the in-memory live service.</summary>
public static class BroadcastSockets
{
    public static string RelayPath(Guid sessionId) => $"/live/v1/sessions/{sessionId}/broadcast/relay";

    /// <summary>The open socket, or the status the upgrade was refused with.</summary>
    public static async Task<(WebSocket? Socket, HttpStatusCode Status)> ConnectAsync(ServiceHost<LiveDbContext> live, Caller caller, Guid sessionId)
    {
        var client = live.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (caller.Token is not null)
            {
                request.Headers.Authorization = $"Bearer {caller.Token}";
            }
        };
        try
        {
            return (await client.ConnectAsync(new Uri(live.Server.BaseAddress, RelayPath(sessionId)), CancellationToken.None), HttpStatusCode.SwitchingProtocols);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("status code", StringComparison.Ordinal))
        {
            return (null, (HttpStatusCode)int.Parse(ex.Message[(ex.Message.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Reads until the server's close frame arrives (within <paramref name="within"/>) and gives its status and reason.</summary>
    public static async Task<(int Status, string? Reason)> ClosedWithAsync(WebSocket socket, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        var buffer = new byte[1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return ((int)result.CloseStatus!.Value, result.CloseStatusDescription);
            }
        }
    }

    /// <summary>True once no process has the id (or the id now names a process that is not ffmpeg's relay).</summary>
    public static bool Exited(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
