using System.ComponentModel.DataAnnotations;

namespace Lms.Live.Broadcasting;

/// <summary>Configuration section <c>Live:Broadcast</c>: the relay of browser broadcasts to the RTMP ingest.</summary>
public sealed class BrowserBroadcastOptions
{
    public const string Section = "Live:Broadcast";

    /// <summary>The ffmpeg that turns the browser's WebM into RTMP (a path, or a name found on PATH).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Ffmpeg { get; set; } = "ffmpeg";

    /// <summary>The largest WebSocket message accepted; a browser sends a chunk every quarter second, far below this.</summary>
    [Range(16 * 1024, 8 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// Messages received but not yet written to ffmpeg. When they are this many the relay stops reading the socket (the
    /// browser's send buffer grows and it drops chunks), so one broadcast holds at most this many times
    /// <see cref="MaxMessageBytes"/> in memory.
    /// </summary>
    [Range(2, 256)]
    public int QueuedMessages { get; set; } = 16;

    /// <summary>How long the queue may stay full (ffmpeg not taking the stream) before the broadcast is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a running broadcast checks again that its manager may still broadcast and the session is open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AccessCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long ffmpeg may take to send what it has and stop once the browser's stream ended; then it is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ExitGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The H.264 bitrate learners receive, in kbit/s.</summary>
    [Range(200, 10_000)]
    public int VideoKbps { get; set; } = 2500;
}
