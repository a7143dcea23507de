using System.Diagnostics;
using System.Globalization;

namespace Lms.Content.Uploads;

/// <summary>
/// Measures a video's duration with ffprobe over a short-lived presigned URL, so the length of a course item is
/// taken from the file, never typed in. Bounded in time; a file it cannot read has no duration.
/// </summary>
public sealed partial class VideoProbe(ILogger<VideoProbe> logger)
{
    public Task<int?> DurationSecondsAsync(string url, string contentType, CancellationToken cancellationToken) =>
        ProbeAsync(contentType, ["-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", url], cancellationToken);

    /// <summary>
    /// The duration of a file's first audio stream, or null when the file has none (whatever its declared type says)
    /// or ffprobe cannot read it.
    /// </summary>
    public Task<int?> AudioDurationSecondsAsync(string url, string contentType, CancellationToken cancellationToken) =>
        ProbeAsync(contentType, ["-select_streams", "a:0", "-show_entries", "stream=duration:format=duration",
            "-of", "default=noprint_wrappers=1:nokey=1", url], cancellationToken, requireStream: true);

    private async Task<int?> ProbeAsync(string contentType, string[] query, CancellationToken cancellationToken, bool requireStream = false)
    {
        // Only the demuxer of the declared type, never ffprobe's guess, and only the object's own protocol (see MediaSafety).
        if (MediaSafety.DemuxerFor(contentType) is not { } demuxer)
        {
            return null;
        }

        string[] arguments = ["-v", "error", "-protocol_whitelist", "http,https,tcp,tls", "-f", demuxer, .. query];
        try
        {
            using var process = Process.Start(new ProcessStartInfo("ffprobe", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            // A probe that overruns is killed rather than left behind.
            using var kill = timeout.Token.Register(() => process.Kill(entireProcessTree: true));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            // With a stream selected, ffprobe prints the stream's duration (or N/A) and then the container's; without an
            // audio stream it prints only the container's, which is not a recording.
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 || (requireStream && lines.Length < 2))
            {
                return null;
            }

            var measured = lines.Select(l => double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : (double?)null)
                .FirstOrDefault(s => s is not null);
            return measured is { } seconds ? (int)Math.Round(seconds) : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogProbeFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "ffprobe could not measure an uploaded video")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception);
}
