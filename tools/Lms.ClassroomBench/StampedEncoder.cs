using System.Diagnostics;
using System.Globalization;

namespace Lms.ClassroomBench;

/// <summary>
/// An OBS-like encoder: frames made here, each stamped with the clock time it was made, piped raw into ffmpeg, which
/// encodes them as OBS's low-latency preset would (x264 veryfast, zerolatency, a keyframe every second, as
/// docs/API.md asks of encoders) and publishes over RTMP under the session's key.
/// </summary>
public sealed class StampedEncoder : IAsyncDisposable
{
    private const int Width = 640;
    private const int Height = 360;
    private const int FramesPerSecond = 25;
    private readonly Process _ffmpeg;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _frames;

    private StampedEncoder(Process ffmpeg)
    {
        _ffmpeg = ffmpeg;
        _frames = Task.Run(() => WriteFramesAsync(_stop.Token));
    }

    public static StampedEncoder Publish(string url)
    {
        var rate = FramesPerSecond.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("ffmpeg", [
            "-hide_banner", "-loglevel", "error",
            "-f", "rawvideo", "-pix_fmt", "gray", "-video_size", $"{Width}x{Height}", "-framerate", rate, "-i", "pipe:0",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", "-b:v", "1500k",
            "-g", rate, "-keyint_min", rate, "-f", "flv", url,
        ])
        { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        return new StampedEncoder(Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started."));
    }

    private async Task WriteFramesAsync(CancellationToken stop)
    {
        var frame = new byte[Width * Height];
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / FramesPerSecond));
        var input = _ffmpeg.StandardInput.BaseStream;
        try
        {
            while (await ticks.WaitForNextTickAsync(stop))
            {
                FrameStamp.Paint(frame, Width, Height, (uint)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await input.WriteAsync(frame, stop);
                await input.FlushAsync(stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Stopped by the bench, or ffmpeg went away (the session ended and nginx dropped the publisher).
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _frames;
        if (!_ffmpeg.HasExited)
        {
            _ffmpeg.Kill();
            await _ffmpeg.WaitForExitAsync();
        }
        _ffmpeg.Dispose();
        _stop.Dispose();
    }
}
