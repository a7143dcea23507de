using System.Text;
using System.Text.Unicode;

namespace Lms.Content.Uploads;

/// <summary>
/// What keeps probing an upload from reaching anything but the upload. ffprobe left to guess a file's format follows
/// references: an HLS or DASH playlist, a concat script, an SDP description or a reference movie makes it fetch other
/// addresses (inside our network, too). So the object is refused unread when it is text, which no audio or video
/// container is (every playlist, script and description is); and ffprobe reads the rest only through the demuxer of
/// its declared type, over HTTP(S) alone.
/// </summary>
public static class MediaSafety
{
    /// <summary>How much of the object is looked at: every container's header has binary bytes well within it.</summary>
    public const int SniffBytes = 512;

    private static readonly Dictionary<string, string> Demuxers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video/mp4"] = "mov", ["video/quicktime"] = "mov", ["video/webm"] = "webm",
        ["audio/mp4"] = "mov", ["audio/x-m4a"] = "mov", ["audio/mpeg"] = "mp3", ["audio/webm"] = "webm", ["audio/ogg"] = "ogg",
        ["audio/wav"] = "wav", ["audio/x-wav"] = "wav", ["audio/wave"] = "wav",
    };

    /// <summary>The one ffprobe demuxer allowed for a declared type; null when the type is never probed.</summary>
    public static string? DemuxerFor(string contentType) => Demuxers.GetValueOrDefault(contentType.Trim());

    /// <summary>
    /// True when the start of the object is text (printable UTF-8 and whitespace only, after an optional BOM): a
    /// playlist, script or description, never audio or video.
    /// </summary>
    public static bool IsText(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        if (start.IsEmpty)
        {
            return false;
        }

        // A multi-byte character cut off at the end of the sample is still text.
        var cut = Math.Min(start.Length, 3);
        for (var trim = 0; trim <= cut; trim++)
        {
            if (Utf8.IsValid(start[..^trim]))
            {
                return !ContainsControl(Encoding.UTF8.GetString(start[..^trim]));
            }
        }
        return false;
    }

    private static bool ContainsControl(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
}
