using System.Diagnostics;

namespace Lms.EndToEnd.Tests;

public static class TestVideos
{
    /// <summary>A real MP4 of <paramref name="seconds"/> seconds made with ffmpeg; noisy, so it is several MiB.</summary>
    public static async Task<string> MakeAsync(int seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lms-lecture-{Guid.NewGuid():N}.mp4");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-v", "error", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size=640x360:rate=25,noise=alls=60:allf=t", "-c:v", "mpeg4", "-q:v", "4", "-y", path]))!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        return path;
    }
}
