using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Learner;

public sealed partial class Watching_a_lecture(Chromium browser) : BrowserTest(browser)
{
    private const string Playing = "document.querySelector('video:not([inert])')";

    [Fact]
    public Task Seeking_to_the_end_earns_nothing_and_watching_it_through_completes_it() => Browser.RunAsync(async page =>
    {
        var lesson = await LearningClass.RegisterAsync(Api);
        var learner = lesson.Classroom.Employees[0];
        await AppPages.SignInAsync(page, learner.Email, Person.DefaultPassword);
        await Expect(AppPages.Heading(page, "내 강의실")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = lesson.Classroom.CourseTitle }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = LearningClass.VideoTitle }).ClickAsync();
        await Expect(AppPages.Heading(page, LearningClass.VideoTitle)).ToBeVisibleAsync();
        await Expect(page.GetByText("진도는 실제로 시청한 시간만큼만 인정됩니다.", new() { Exact = false })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync($"() => {Playing}?.readyState >= 3");

        // Started from the keyboard, then the playhead dragged to the end: a second of watching, nothing for the jump.
        var video = page.Locator("video:not([inert])");
        await video.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync($"() => {Playing}.currentTime > 1");
        await video.EvaluateAsync("v => { v.currentTime = v.duration - 0.2; }");
        await page.WaitForFunctionAsync($"() => {Playing}.ended");
        await Expect(page.GetByText("인정된 시청 시간", new() { Exact = false })).ToBeVisibleAsync();
        var skipped = await Eventually.GetAsync(() => LearningClass.VideoItemAsync(learner, lesson.Enrollments[0]),
            item => item.GetProperty("progressPercent").GetDouble() > 0, TimeSpan.FromSeconds(10), "the watched second is credited");
        await page.WaitForTimeoutAsync(3000); // the beats about the seek and the end are answered by now
        skipped = await LearningClass.VideoItemAsync(learner, lesson.Enrollments[0]);
        Assert.Equal("IN_PROGRESS", skipped.GetProperty("state").GetString());
        Assert.InRange(skipped.GetProperty("progressPercent").GetDouble(), 1, 35);
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { NameRegex = ItemProgress() }))
            .ToHaveAttributeAsync("aria-valuenow", Shown(skipped.GetProperty("progressPercent").GetDouble()));

        // Watched from the start to the end in real time: complete.
        await video.EvaluateAsync("v => { v.currentTime = 0; }");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync($"() => {Playing}.ended", null, new() { Timeout = 60_000 });
        await Expect(page.GetByText("이 항목을 완료했습니다.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("COMPLETED", (await LearningClass.VideoItemAsync(learner, lesson.Enrollments[0])).GetProperty("state").GetString());

        // The course room says so too.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "학습 항목 이동" }).GetByRole(AriaRole.Link, new() { Name = "강의실로 돌아가기" }).ClickAsync();
        await Expect(AppPages.Heading(page, lesson.Classroom.CourseTitle)).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = LearningClass.VideoTitle }) });
        await Expect(row).ToContainTextAsync("완료");
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "과정 진도율 100%" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_renewed_link_takes_over_where_the_video_was_without_stopping_it() => Browser.RunAsync(async page =>
    {
        var lesson = await LearningClass.RegisterAsync(Api, videoSeconds: 30);
        await AppPages.SignInAsync(page, lesson.Classroom.Employees[0].Email, Person.DefaultPassword);
        await page.Clock.InstallAsync();
        await page.GotoAsync($"courses/{lesson.Enrollments[0]}/items/{lesson.VideoItemId}");
        await page.WaitForFunctionAsync($"() => {Playing}?.readyState >= 3", null, Polling);
        var firstLink = await page.EvaluateAsync<string>($"() => {Playing}.src");
        var firstElement = await page.EvaluateAsync<int>(PlayingIndex);
        await page.Locator("video:not([inert])").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync($"() => {Playing}.currentTime > 2", null, Polling);

        // The presigned link lives five minutes and is asked for again a minute before it ends.
        await page.Clock.FastForwardAsync("04:01");
        await page.WaitForFunctionAsync($"link => {Playing}.src !== link", firstLink, Polling);
        var now = await page.EvaluateAsync<double[]>($"() => [{Playing}.currentTime, {Playing}.paused ? 1 : 0]");
        Assert.InRange(now[0], 2, 12);
        Assert.Equal(0, now[1]);
        // Loaded beside the playing element and handed over, never swapped under it (that would blank the picture).
        Assert.NotEqual(firstElement, await page.EvaluateAsync<int>(PlayingIndex));
        await page.WaitForFunctionAsync($"at => {Playing}.currentTime > at + 1 && !{Playing}.paused", now[0], Polling);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('video[inert]')].filter(v => v.getAttribute('src')).length"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    });

    private const string PlayingIndex = "() => [...document.querySelectorAll('video')].findIndex(v => !v.hasAttribute('inert'))";

    private static readonly PageWaitForFunctionOptions Polling = new() { PollingInterval = 100, Timeout = 20_000 };

    /// <summary>A percentage as the page shows it: rounded down to one decimal.</summary>
    private static string Shown(double percent) => (Math.Floor(percent * 10) / 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^이 항목의 진도율")]
    private static partial Regex ItemProgress();
}
