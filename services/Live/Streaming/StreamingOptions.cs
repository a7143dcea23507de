using System.ComponentModel.DataAnnotations;
using Lms.Live.Streaming.Ivs;

namespace Lms.Live.Streaming;

/// <summary>Configuration section <c>Live:Streaming</c>.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Live:Streaming";

    /// <summary><c>Local</c> (nginx-rtmp) or <c>Ivs</c>.</summary>
    public string Provider { get; set; } = "Local";

    /// <summary>
    /// How long a viewer's signed playback URL works; clients fetch the session again for a fresh one before then. Kept
    /// short because a copied link keeps its signature until then (the playback check still refuses a viewer who lost
    /// access, at the next playlist).
    /// </summary>
    [Range(1, 24 * 60)]
    public int PlaybackTokenMinutes { get; set; } = 5;

    /// <summary>
    /// How long an ENDED session's final playlist (closed with #EXT-X-ENDLIST) stays readable, so players stop cleanly;
    /// after that its playback links are refused.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan EndedPlaylistGrace { get; set; } = TimeSpan.FromSeconds(30);

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
    /// The secret nginx sends with its callbacks (in the callback URL's query for nginx-rtmp, in a header for the
    /// playback check) and the live service sends to nginx's control endpoint, so nobody else can start or end a
    /// session, attach a recording or drop a publisher.
    /// </summary>
    public string CallbackSecret { get; set; } = string.Empty;

    /// <summary>Where nginx writes HLS (shared with this service), so an ended stream's playlist can be closed.</summary>
    public string HlsDirectory { get; set; } = string.Empty;

    /// <summary>
    /// nginx-rtmp's control endpoint (<c>rtmp_control</c>, on a listener of its own that is never published), used to
    /// drop the publisher when a manager ends the session; empty leaves the stream running until the encoder stops.
    /// </summary>
    public string ControlUrl { get; set; } = string.Empty;

    /// <summary>
    /// The secrets this repository once shipped as defaults: anyone can read them, so outside Development they are
    /// refused like an empty one (scripts/infra.sh generates an installation's own under .local/secrets).
    /// </summary>
    public static readonly IReadOnlySet<string> PublishedDefaults = new HashSet<string>(StringComparer.Ordinal)
    {
        "lms-local-live-callback-secret", "lms-local-live-playback-secret", "compose-live-callback-secret", "compose-live-playback-secret",
    };

    /// <summary>Outside Development a secret must be long and not one anybody can read in the repository.</summary>
    public static bool Strong(string secret, bool development) =>
        development ? secret.Length >= 16 : secret.Length >= 32 && !PublishedDefaults.Contains(secret);
}
