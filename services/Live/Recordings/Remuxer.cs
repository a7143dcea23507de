using System.ComponentModel;
using System.Diagnostics;

namespace Lms.Live.Recordings;

/// <summary>
/// Turns nginx-rtmp's FLV into an MP4 that browsers play and seek: the streams are copied (no re-encoding) and the
/// index is moved to the front (<c>+faststart</c>) so playback starts before the whole file has loaded.
/// </summary>
public sealed class Remuxer
{
    /// <summary>Null when <paramref name="target"/> was written; else why not (ffmpeg's last words, or that it is missing).</summary>
    public async Task<string?> RemuxAsync(string source, string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Only the FLV demuxer and only the file protocol: the input is a file nginx wrote, nothing it names is followed.
        string[] arguments = ["-hide_banner", "-v", "error", "-nostdin", "-y", "-protocol_whitelist", "file", "-f", "flv", "-i", source,
            "-map", "0", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", target];
        try
        {
            using var process = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { RedirectStandardError = true, RedirectStandardOutput = true });
            if (process is null)
            {
                return "ffmpeg did not start.";
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            using var kill = limit.Token.Register(() => process.Kill(entireProcessTree: true));
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.StandardOutput.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            var said = (await errors).Trim();
            return process.ExitCode == 0 && File.Exists(target) ? null
                : $"ffmpeg exited with {process.ExitCode}: {(said.Length > 300 ? said[^300..] : said)}";
        }
        catch (Win32Exception ex)
        {
            return $"ffmpeg could not be run: {ex.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"ffmpeg did not finish within {timeout}.";
        }
    }
}
