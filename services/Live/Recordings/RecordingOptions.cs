using System.ComponentModel.DataAnnotations;

namespace Lms.Live.Recordings;

/// <summary>Configuration section <c>Live:Recording</c>: where nginx-rtmp records and where the MP4s go.</summary>
public sealed class RecordingOptions
{
    public const string Section = "Live:Recording";

    /// <summary>
    /// nginx-rtmp's <c>record_path</c> (scripts/infra.sh: .local/recordings), as this service sees it. Only files inside
    /// it are taken from the <c>on_record_done</c> callback; empty turns recordings off.
    /// </summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>How often each instance looks for recordings left to process (a callback also wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one remux may run: ffmpeg copies the streams, so even hours of lecture take seconds to minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "02:00:00")]
    public TimeSpan RemuxTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Where in the content bucket recordings go; the content service takes recordings from this prefix only.</summary>
    public const string KeyPrefix = "live-recordings/";
}

/// <summary>Section <c>Storage</c>, the same keys as the content service's: the bucket the MP4s are put into.</summary>
public sealed class RecordingStorageOptions
{
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "ap-northeast-2";

    public string Bucket { get; set; } = "lms-content";

    public bool ForcePathStyle { get; set; } = true;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }
}
