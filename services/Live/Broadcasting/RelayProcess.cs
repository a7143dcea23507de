using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Lms.Live.Broadcasting;

/// <summary>
/// ffmpeg reading the browser's WebM from its standard input and publishing H.264/AAC over RTMP, as an encoder such as
/// OBS would: 1-second keyframes (the ingest cuts 1-second HLS fragments at them), at most 720p and 30 frames a second.
/// Only the Matroska/WebM demuxer and the pipe protocol read the input, which comes from a browser. The stream key is in
/// the output URL, so it is on this process's command line on this host; it never goes back to the browser and is
/// masked in what ffmpeg reports.
/// </summary>
public sealed class RelayProcess : IDisposable
{
    private const int KeptErrorLines = 8;

    private readonly Process process;
    private readonly string secret;
    private readonly Queue<string> lastErrors = new();
    private readonly Task drained;

    private RelayProcess(Process process, string secret)
    {
        this.process = process;
        this.secret = secret;
        drained = Task.WhenAll(KeepErrorsAsync(), process.StandardOutput.BaseStream.CopyToAsync(Stream.Null));
    }

    public int Id => process.Id;

    /// <summary>Where the browser's stream goes: written as it arrives, closed when the browser stopped.</summary>
    public Stream Input => process.StandardInput.BaseStream;

    public bool HasExited => process.HasExited;

    /// <summary>Starts ffmpeg publishing to <paramref name="ingestUrl"/>/<paramref name="streamKey"/>; null when it cannot be run.</summary>
    public static RelayProcess? Start(string ffmpeg, string ingestUrl, string streamKey, int videoKbps)
    {
        var rate = videoKbps.ToString(CultureInfo.InvariantCulture) + "k";
        string[] arguments =
        [
            "-hide_banner", "-nostats", "-loglevel", "error",
            "-protocol_whitelist", "pipe", "-analyzeduration", "1000000", "-f", "matroska", "-i", "pipe:0",
            "-map", "0:v:0", "-map", "0:a:0?",
            // Never larger than 720p, never enlarged (an enlarged small camera only spends bits).
            "-vf", @"scale=w=min(1280\,iw):h=min(720\,ih):force_original_aspect_ratio=decrease:force_divisible_by=2", "-fpsmax", "30",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
            "-b:v", rate, "-maxrate", rate, "-bufsize", rate, "-force_key_frames", "expr:gte(t,n_forced*1)",
            "-c:a", "aac", "-b:a", "128k", "-ac", "2",
            "-f", "flv", $"{ingestUrl.TrimEnd('/')}/{streamKey}",
        ];
        try
        {
            var process = Process.Start(new ProcessStartInfo(ffmpeg, arguments)
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            return process is null ? null : new RelayProcess(process, streamKey);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Waits until ffmpeg exits on its own.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Ends the stream: standard input is closed so ffmpeg sends what it holds and stops; after <paramref name="grace"/>
    /// it is killed. Returns once it has exited.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            await Input.DisposeAsync();
        }
        catch (IOException)
        {
            // ffmpeg is gone already: nothing is listening on the pipe.
        }
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }
        await drained;
    }

    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    /// <summary>What ffmpeg said last (its errors), with the stream key masked.</summary>
    public string LastErrors()
    {
        lock (lastErrors)
        {
            return string.Join(" | ", lastErrors);
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    // ffmpeg blocks when nobody reads its error output; only the last lines are kept, so a chatty one costs no memory.
    private async Task KeepErrorsAsync()
    {
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            var masked = line.Replace(secret, "***", StringComparison.Ordinal);
            lock (lastErrors)
            {
                lastErrors.Enqueue(masked.Length > 300 ? masked[..300] : masked);
                if (lastErrors.Count > KeptErrorLines)
                {
                    lastErrors.Dequeue();
                }
            }
        }
    }
}
