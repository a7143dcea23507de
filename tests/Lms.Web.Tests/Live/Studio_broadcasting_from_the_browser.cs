using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Live;

/// <summary>The lecturer broadcasting with chromium's fake camera and microphone, relayed by the live service to the ingest.</summary>
public sealed class Studio_broadcasting_from_the_browser(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task The_fake_camera_turns_the_session_live_a_learner_gets_a_playlist_and_stopping_ends_it() => Browser.RunAsync(async page =>
    {
        var classroom = await StudioClasses.ReadyAsync(Api);
        var sessionId = await StudioClasses.ScheduleAsync(classroom, "브라우저 송출 강의");
        var key = await StudioClasses.StreamKeyAsync(classroom.Manager, sessionId);
        await AppPages.SignInAsync(page, classroom.Manager.Email, Person.DefaultPassword);
        await page.GotoAsync($"inst/live/{sessionId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "브라우저로 방송하기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "브라우저 방송: 브라우저 송출 강의")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "카메라와 마이크 허용" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "카메라", Exact = true })).ToHaveValueAsync("fake_device_0");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "마이크", Exact = true })).Not.ToHaveValueAsync("마이크 사용 안 함");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "학습자에게 보이는 화면 미리보기" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the browser broadcast");
        await page.GetByRole(AriaRole.Button, new() { Name = "마이크 끄기" }).ClickAsync();
        await Expect(page.GetByText("마이크가 꺼져 있습니다")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "마이크 켜기" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "방송 시작" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "방송 종료" })).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await Eventually.TrueAsync(async () => (await StudioClasses.SessionAsync(classroom.Manager, sessionId)).GetProperty("state").GetString() == "LIVE",
            TimeSpan.FromSeconds(30), "the browser's broadcast turned the session live");
        await Expect(page.GetByText("방송 중", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("broadcast-kbps")).Not.ToHaveTextAsync("0 kbps", new() { Timeout = 10_000 });

        // The learner's signed link serves the live playlist (nginx checks the signature and asks the live service).
        var playback = (await StudioClasses.SessionAsync(classroom.Employees[0], sessionId)).GetProperty("playbackUrl").GetString()!;
        using var http = new HttpClient();
        var playlist = await Eventually.GetAsync(async () =>
        {
            using var response = await http.GetAsync(playback);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"{(int)response.StatusCode}";
        }, text => text.StartsWith("#EXTM3U", StringComparison.Ordinal) && text.Contains(".ts", StringComparison.Ordinal), TimeSpan.FromSeconds(30),
            "the learner's playlist has segments");
        Assert.DoesNotContain(key, playlist, StringComparison.Ordinal);
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "방송 종료" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "방송을 끝낼까요?" });
        await Expect(dialog).ToContainTextAsync("이 강의가 종료되고 다시 시작할 수 없습니다");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "방송 종료" }).ClickAsync();
        await Expect(page.GetByText("방송을 마쳤습니다. 강의가 종료됩니다.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // Checked once the socket is closed: axe waits for the network to go quiet, which an open broadcast never does.
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a finished browser broadcast");
        await Eventually.TrueAsync(async () => (await StudioClasses.SessionAsync(classroom.Manager, sessionId)).GetProperty("state").GetString() == "ENDED",
            TimeSpan.FromSeconds(30), "stopping the broadcast ended the session");
    });
}
