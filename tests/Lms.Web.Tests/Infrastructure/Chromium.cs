using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Lms.Web.Tests.Infrastructure;

/// <summary>
/// One headless chromium (Debian's, at <c>LMS_CHROMIUM</c>) for the whole suite, with the fake camera and microphone a
/// classroom or teach-back test needs. Each test gets its own context (cookies, storage) in Korean and Korea time, and
/// keeps a screenshot and a Playwright trace in <c>.local/test-results/web/</c> when it fails.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static Uri App { get; } = new(Environment.GetEnvironmentVariable("LMS_WEB_URL")
        ?? (Environment.GetEnvironmentVariable("LMS_GATEWAY") is { } gateway ? gateway.TrimEnd('/') + "/app/" : null)
        ?? throw new InvalidOperationException("LMS_WEB_URL or LMS_GATEWAY is not set: run the browser tests with `./lms test`."));

    public static string FailureDirectory { get; } = Path.Combine(Repository.Root, ".local", "test-results", "web");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LMS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--no-sandbox", "--lang=ko-KR"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>Runs <paramref name="test"/> on a fresh page; on failure keeps what the page showed and how it got there.</summary>
    public async Task RunAsync(Func<IPage, Task> test, Viewport? viewport = null, [CallerMemberName] string name = "")
    {
        var context = await NewContextAsync(viewport);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Sources = false });
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
            await context.Tracing.StopAsync();
        }
        catch
        {
            Directory.CreateDirectory(FailureDirectory);
            var file = Path.Combine(FailureDirectory, $"{name}-{DateTime.UtcNow:HHmmss}");
            foreach (var open in context.Pages)
            {
                await open.ScreenshotAsync(new PageScreenshotOptions { Path = $"{file}-{context.Pages.ToList().IndexOf(open)}.png", FullPage = true })
                    .ContinueWith(_ => { }, TaskScheduler.Default);
            }
            await context.Tracing.StopAsync(new TracingStopOptions { Path = file + ".trace.zip" });
            throw;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>A second person in another context (their own cookies), for tests with two people at once.</summary>
    public Task<IBrowserContext> NewContextAsync(Viewport? viewport = null) => _browser!.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = App.ToString(),
        Locale = "ko-KR",
        TimezoneId = "Asia/Seoul",
        ViewportSize = (viewport ?? Viewport.Laptop).Size,
        IsMobile = viewport?.Mobile ?? false,
        HasTouch = viewport?.Mobile ?? false,
        // No transitions to wait for: axe checks what is on screen, not a dialog half faded in (the app honours it).
        ReducedMotion = ReducedMotion.Reduce,
        // axe-core is injected as a script tag, which the app's Content-Security-Policy (script-src 'self') would refuse.
        BypassCSP = true,
    });
}

public sealed record Viewport(int Width, int Height, bool Mobile)
{
    public static Viewport Laptop { get; } = new(1280, 800, false);

    /// <summary>The narrowest phone the learner pages are built for.</summary>
    public static Viewport Phone { get; } = new(375, 740, true);

    public ViewportSize Size => new() { Width = Width, Height = Height };
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<Chromium>
{
    // One browser, and the tests one after another: two cores run the platform too.
    public const string Name = "browser";
}
