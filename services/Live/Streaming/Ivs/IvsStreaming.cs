using Lms.Live.Sessions;

namespace Lms.Live.Streaming.Ivs;

/// <summary>
/// AWS IVS: one private, low-latency channel per session; encoders publish over RTMPS to the channel's ingest endpoint;
/// viewers play the channel's URL with a short-lived token signed by the playback key pair. Stream start and end
/// arrive as EventBridge "IVS Stream State Change" events (<see cref="IvsEventEndpoints"/>).
/// </summary>
public sealed class IvsStreaming(IvsClient ivs, IvsPlaybackSigner signer) : IStreamingProvider
{
    public async Task<StreamChannel> CreateChannelAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var created = await ivs.CreateChannelAsync($"lms-{sessionId:N}", cancellationToken);
        return new StreamChannel(created.Channel.Arn, IngestUrl(created.Channel.IngestEndpoint),
            new StreamKeyGrant(created.StreamKey.Value, created.StreamKey.Arn), created.Channel.PlaybackUrl ?? string.Empty);
    }

    /// <summary>IVS allows one key per channel: the old one is deleted (refused from then on), then a new one created.</summary>
    public async Task<StreamKeyGrant> ReplaceKeyAsync(LiveSession session, CancellationToken cancellationToken)
    {
        await ivs.DeleteStreamKeyAsync(session.StreamKeyRef, cancellationToken);
        var created = await ivs.CreateStreamKeyAsync(session.ChannelId, cancellationToken);
        return new StreamKeyGrant(created.StreamKey.Value, created.StreamKey.Arn);
    }

    public string PlaybackUrl(LiveSession session, Guid viewerId, DateTimeOffset expires) =>
        $"{session.PlaybackBase}?token={signer.Token(session.ChannelId, viewerId, expires)}";

    public Task StopAsync(LiveSession session, CancellationToken cancellationToken) => ivs.StopStreamAsync(session.ChannelId, cancellationToken);

    public Task DeleteChannelAsync(LiveSession session, CancellationToken cancellationToken) => ivs.DeleteChannelAsync(session.ChannelId, cancellationToken);

    /// <summary>Encoders publish over RTMPS on port 443 to the <c>app</c> application of the channel's ingest endpoint.</summary>
    public static string IngestUrl(string? ingestEndpoint) => $"rtmps://{ingestEndpoint}:443/app/";

}
