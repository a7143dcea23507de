using System.ComponentModel.DataAnnotations;
using Lms.Live.Streaming.Ivs;

namespace Lms.Live.Streaming;

/// <summary>Configuration section <c>Live:Streaming</c>.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Live:Streaming";

    /// <summary><c>Local</c> (nginx-rtmp) or <c>Ivs</c>.</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>How long a viewer's signed playback URL works; clients fetch the session again for a fresh one.</summary>
    [Range(1, 24 * 60)]
    public int PlaybackTokenMinutes { get; set; } = 15;

    public LocalStreamingOptions Local { get; set; } = new();

    public IvsOptions Ivs { get; set; } = new();
}

/// <summary>Configuration section <c>Live:Streaming:Local</c>: the nginx-rtmp server scripts/infra.sh runs.</summary>
public sealed class LocalStreamingOptions
{
    /// <summary>Where encoders publish (the RTMP application); the key is the stream name.</summary>
    public string IngestUrl { get; set; } = "rtmp://127.0.0.1:1935/live";

    /// <summary>Where nginx serves HLS, up to and including <c>/hls</c>.</summary>
    public string PlaybackBaseUrl { get; set; } = "http://127.0.0.1:8088/hls";

    /// <summary>
    /// The secret nginx's <c>secure_link_md5</c> mixes into every playback token (the same string is in nginx.conf).
    /// </summary>
    public string PlaybackSecret { get; set; } = string.Empty;

    /// <summary>
    /// The secret nginx sends with its <c>on_publish</c> and <c>on_publish_done</c> callbacks (in the callback URL's
    /// query), so nobody else can start or end a session through them.
    /// </summary>
    public string CallbackSecret { get; set; } = string.Empty;
}
