using System.Security.Cryptography;
using Lms.Live.Sessions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming;

/// <summary>
/// nginx-rtmp on this machine. A session's channel is a public stream name (its id); the key is a random secret the
/// encoder publishes with, which the <c>on_publish</c> callback swaps for the public name, so HLS paths and
/// playlists never contain it.
/// </summary>
public sealed class LocalStreaming(IOptions<StreamingOptions> options, IServiceProvider services) : IStreamingProvider
{
    private LocalStreamingOptions Local => options.Value.Local;

    public Task<StreamChannel> CreateChannelAsync(Guid sessionId, CancellationToken cancellationToken) =>
        Task.FromResult(new StreamChannel(StreamName(sessionId), Local.IngestUrl, NewKey(), Local.PlaybackBaseUrl));

    public Task<StreamKeyGrant> ReplaceKeyAsync(LiveSession session, CancellationToken cancellationToken) => Task.FromResult(NewKey());

    public string PlaybackUrl(LiveSession session, Guid viewerId, DateTimeOffset expires) =>
        SecureLink.Url(session.PlaybackBase, session.ChannelId, viewerId, expires, Local.PlaybackSecret);

    // The ended session refuses its key from now on; dropping the publisher stops what is running, and
    // on_publish_done then finds the session already ENDED.
    public Task StopAsync(LiveSession session, CancellationToken cancellationToken) =>
        services.GetRequiredService<NginxControl>().DropPublisherAsync(session.ChannelId, cancellationToken);

    // Nothing is allocated on nginx for a channel before it is published to.
    public Task DeleteChannelAsync(LiveSession session, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The public stream name: the session id in hex, which is also what the HLS files are named after.</summary>
    public static string StreamName(Guid sessionId) => sessionId.ToString("N");

    private static StreamKeyGrant NewKey()
    {
        var key = "lk_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        return new StreamKeyGrant(key, key);
    }
}
