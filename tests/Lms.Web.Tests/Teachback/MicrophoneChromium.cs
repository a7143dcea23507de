using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lms.Web.Tests.Teachback;

/// <summary>
/// A second headless chromium whose fake microphone plays a WAV made here with ffmpeg (a tone; the machine has no speech
/// synthesiser), for recording a teach-back. The shared browser's fake microphone plays chromium's own beeps, which cannot
/// be chosen; this one is launched only by the classes that record.
/// </summary>
public sealed class MicrophoneChromium : IAsyncLifetime
{
    private readonly string _wav = Path.Combine(Path.GetTempPath(), $"lms-web-microphone-{Guid.NewGuid():N}.wav");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        // Chromium loops the file; a tone that rises and falls gives the level meter something to show.
        using (var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
                   ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=220:duration=20", "-af", "volume=0.6,tremolo=f=2:d=0.7",
                    "-ar", "48000", "-ac", "1", "-c:a", "pcm_s16le", "-y", _wav]) { RedirectStandardError = true })!)
        {
            await ffmpeg.WaitForExitAsync();
            Assert.True(ffmpeg.ExitCode == 0, await ffmpeg.StandardError.ReadToEndAsync());
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LMS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={_wav}",
                "--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--lang=ko-KR",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        File.Delete(_wav);
    }

    /// <summary>As <see cref="Chromium.RunAsync"/>: a fresh context in Korean and Korea time, the screenshot and trace kept on failure.</summary>
    public async Task RunAsync(Func<IPage, Task> test, [CallerMemberName] string name = "")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Chromium.App.ToString(),
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            ViewportSize = Viewport.Laptop.Size,
            ReducedMotion = ReducedMotion.Reduce,
            BypassCSP = true,
        });
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Sources = false });
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
            await context.Tracing.StopAsync();
        }
        catch
        {
            Directory.CreateDirectory(Chromium.FailureDirectory);
            var file = Path.Combine(Chromium.FailureDirectory, $"{name}-{DateTime.UtcNow:HHmmss}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + ".png", FullPage = true }).ContinueWith(_ => { }, TaskScheduler.Default);
            await context.Tracing.StopAsync(new TracingStopOptions { Path = file + ".trace.zip" });
            throw;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
