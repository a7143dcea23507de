using System.Diagnostics;
using System.Globalization;

namespace Lms.Content.Uploads;

/// <summary>
/// Measures a video's duration with ffprobe over a short-lived presigned URL, so the length of a course item is
/// taken from the file, never typed in. Bounded in time; a file it cannot read has no duration.
/// </summary>
public sealed partial class VideoProbe(ILogger<VideoProbe> logger)
{
    public async Task<int?> DurationSecondsAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("ffprobe",
                ["-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", url])
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
            return process.ExitCode == 0 && double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? (int)Math.Round(seconds)
                : null;
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
