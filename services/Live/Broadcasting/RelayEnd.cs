using System.Net.WebSockets;

namespace Lms.Live.Broadcasting;

/// <summary>
/// How a browser broadcast ended, as the close frame the browser receives: codes 4000–4999 are this API's own (the last
/// three digits read like the HTTP status of the same refusal), the rest are the WebSocket standard's.
/// </summary>
public sealed record RelayEnd(WebSocketCloseStatus Status, string Reason)
{
    public static RelayEnd Stopped { get; } = new(WebSocketCloseStatus.NormalClosure, "The broadcast stopped.");

    public static RelayEnd AccessEnded { get; } = new((WebSocketCloseStatus)4403, "Your access to this session has ended.");

    public static RelayEnd SignedOut { get; } = new((WebSocketCloseStatus)4403, "You were signed out: sign in again.");

    public static RelayEnd SessionEnded { get; } = new((WebSocketCloseStatus)4409, "The session has ended.");

    public static RelayEnd SessionCancelled { get; } = new((WebSocketCloseStatus)4409, "The session was cancelled.");

    public static RelayEnd IngestStopped { get; } = new((WebSocketCloseStatus)4502, "The streaming server stopped the broadcast.");

    public static RelayEnd FellBehind { get; } = new((WebSocketCloseStatus)4503, "The relay could not keep up with the stream.");

    public static RelayEnd NotBinary { get; } = new(WebSocketCloseStatus.InvalidMessageType, "Send the stream as binary messages.");

    public static RelayEnd ShuttingDown { get; } = new(WebSocketCloseStatus.EndpointUnavailable, "The live service is restarting.");

    /// <summary>The browser went away without a close frame: nothing can be sent back.</summary>
    public static RelayEnd Lost { get; } = new(WebSocketCloseStatus.Empty, "The connection was lost.");

    public static RelayEnd TooLarge(int maxBytes) => new(WebSocketCloseStatus.MessageTooBig, $"A message may be at most {maxBytes} bytes.");
}
