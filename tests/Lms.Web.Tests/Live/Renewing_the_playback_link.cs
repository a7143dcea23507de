using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Live;

public sealed class Renewing_the_playback_link(Chromium browser) : BrowserTest(browser)
{
    // How often the video element started loading afresh or was emptied: a reloaded source shows as either.
    private const string CountReloads = """
        window.__reloads = 0;
        for (const type of ['loadstart', 'emptied']) {
          document.addEventListener(type, () => { window.__reloads++; }, true);
        }
        """;

    private const string Video = "document.querySelector('video')";

    [Fact]
    public Task Takes_a_fresh_link_before_the_old_one_expires_and_plays_on_without_reloading() => Browser.RunAsync(async page =>
    {
        var live = await LiveClass.ScheduleAsync(Api, "끊김 없는 특강");
        await using var stream = TestPattern.Publish(live.PublishUrl, seconds: 300);
        await Eventually.TrueAsync(async () =>
            (await live.Learner.SucceedAsync(HttpMethod.Get, $"/live/v1/sessions/{live.SessionId}")).GetProperty("state").GetString() == "LIVE",
            TimeSpan.FromSeconds(30), "the session is live");
        await AppPages.SignInAsync(page, live.Learner.Email, Person.DefaultPassword);
        await page.Context.AddInitScriptAsync(CountReloads);
        await page.Clock.InstallAsync();

        var first = await page.RunAndWaitForResponseAsync(() => page.GotoAsync($"classroom/{live.SessionId}"), IsSessionRead(live));
        var firstLink = await PlaybackLinkAsync(first);
        await page.WaitForFunctionAsync($"() => {Video}?.currentTime > 2", null, new() { Timeout = 30_000 });
        var reloads = await page.EvaluateAsync<int>("() => window.__reloads");

        // The link lives five minutes; a fresh one is asked for a minute before it ends.
        var renewed = await page.RunAndWaitForResponseAsync(() => page.Clock.FastForwardAsync("04:01"), IsSessionRead(live));
        var freshLink = await PlaybackLinkAsync(renewed);
        Assert.NotEqual(Directory(firstLink), Directory(freshLink));

        // From then on the stream is fetched under the fresh signature, and the video plays on from where it was.
        await page.WaitForRequestAsync(request => request.Url.StartsWith(Directory(freshLink), StringComparison.Ordinal), new() { Timeout = 15_000 });
        var at = await page.EvaluateAsync<double>($"() => {Video}.currentTime");
        await page.WaitForFunctionAsync($"at => {Video}.currentTime > at + 2 && !{Video}.paused", at, new() { Timeout = 15_000 });
        Assert.Equal(reloads, await page.EvaluateAsync<int>("() => window.__reloads"));
        await Expect(page.GetByTestId("session-state")).ToHaveTextAsync("방송 중");
    });

    private static Func<IResponse, bool> IsSessionRead(LiveClass live) =>
        response => response.Request.Method == "GET" && response.Url.EndsWith($"/live/v1/sessions/{live.SessionId}", StringComparison.Ordinal);

    private static async Task<string> PlaybackLinkAsync(IResponse response) =>
        (await response.JsonAsync())!.Value.GetProperty("playbackUrl").GetString()
        ?? throw new InvalidOperationException("The live session gave no playback link.");

    /// <summary>The signed directory of a link (nginx signs token, expiry and viewer in the path).</summary>
    private static string Directory(string link) => link[..(link.LastIndexOf('/') + 1)];
}
