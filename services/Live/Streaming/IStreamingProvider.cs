using Lms.Live.Sessions;

namespace Lms.Live.Streaming;

/// <summary>
/// What a provider made for a session: its channel id, where to publish, the key (with the provider's id for it, where
/// it has one), and the unsigned playback address.
/// </summary>
public sealed record StreamChannel(string ChannelId, string IngestUrl, StreamKeyGrant Key, string PlaybackBase);

/// <summary>A stream key and the provider's id for it (IVS: the stream key ARN; nginx-rtmp: the key itself).</summary>
public sealed record StreamKeyGrant(string Value, string Ref);

/// <summary>The provider could not be reached or refused the call; the session is left as it was.</summary>
public sealed class StreamingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The streaming back end of live sessions, chosen by <c>Live:Streaming:Provider</c>: <c>Local</c> (nginx-rtmp, the
/// default) or <c>Ivs</c> (AWS IVS).
/// </summary>
public interface IStreamingProvider
{
    /// <summary>Creates the channel a session streams to.</summary>
    Task<StreamChannel> CreateChannelAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>Issues a new stream key for the channel; the previous one stops being accepted.</summary>
    Task<StreamKeyGrant> ReplaceKeyAsync(LiveSession session, CancellationToken cancellationToken);

    /// <summary>The playback URL for one entitled viewer, signed so that it stops working at <paramref name="expires"/>.</summary>
    string PlaybackUrl(LiveSession session, Guid viewerId, DateTimeOffset expires);

    /// <summary>Stops a running stream (the instructor ended the session).</summary>
    Task StopAsync(LiveSession session, CancellationToken cancellationToken);

    /// <summary>Removes the channel of a cancelled session.</summary>
    Task DeleteChannelAsync(LiveSession session, CancellationToken cancellationToken);
}
