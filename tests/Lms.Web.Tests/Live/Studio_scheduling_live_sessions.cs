using System.Text.Json;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Live;

public sealed class Studio_scheduling_live_sessions(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_manager_schedules_a_session_in_korea_time_for_an_accepted_provision_and_finds_it_listed() => Browser.RunAsync(async page =>
    {
        var classroom = await StudioClasses.ReadyAsync(Api);
        await AppPages.SignInAsync(page, classroom.Manager.Email, Person.DefaultPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "라이브 강의" }).ClickAsync();
        await Expect(AppPages.Heading(page, "라이브 강의")).ToBeVisibleAsync();
        await Expect(page.GetByText("아직 예약한 라이브 강의가 없습니다.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the studio's list");
        await page.GetByRole(AriaRole.Link, new() { Name = "새 라이브 강의 예약" }).ClickAsync();
        await Expect(AppPages.Heading(page, "라이브 강의 예약")).ToBeVisibleAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "라이브 강의 예약" });
        await Expect(form.GetByLabel("과정 제공")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(classroom.CourseTitle));
        await Accessibility.AssertNoSeriousViolationsAsync(page, "scheduling a session");

        var day = DateTime.UtcNow.AddHours(9).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await form.GetByLabel("강의 제목").FillAsync("1강 실시간 질의응답");
        await form.GetByLabel("시작 (한국 시간)").FillAsync($"{day}T09:00");
        await form.GetByLabel("종료 (한국 시간)").FillAsync($"{day}T08:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "예약", Exact = true }).ClickAsync();
        await Expect(form.GetByText("종료 시간은 시작 시간보다 뒤여야 합니다.")).ToBeVisibleAsync();
        await form.GetByLabel("종료 (한국 시간)").FillAsync($"{day}T10:30");
        await form.GetByRole(AriaRole.Button, new() { Name = "예약", Exact = true }).ClickAsync();

        await Expect(AppPages.Heading(page, "1강 실시간 질의응답")).ToBeVisibleAsync();
        await Expect(page.GetByText("예정", new() { Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a scheduled session");
        var sessions = await classroom.Manager.SucceedAsync(HttpMethod.Get, $"/live/v1/sessions?courseProvideId={classroom.ProvisionId}");
        var session = Assert.Single(sessions.GetProperty("items").EnumerateArray());
        Assert.Equal("1강 실시간 질의응답", session.GetProperty("title").GetString());
        // 09:00 in Seoul is midnight UTC.
        Assert.Equal(DateTimeOffset.Parse($"{day}T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            session.GetProperty("scheduledStart").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromMinutes(90), session.GetProperty("scheduledEnd").GetDateTimeOffset() - session.GetProperty("scheduledStart").GetDateTimeOffset());

        await page.GetByRole(AriaRole.Link, new() { Name = "라이브 강의 목록" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "1강 실시간 질의응답" });
        await Expect(row).ToContainTextAsync(classroom.CourseTitle);
        await Expect(row).ToContainTextAsync("오전 9:00");
    });

    [Fact]
    public Task The_stream_key_stays_hidden_until_asked_is_copied_by_its_button_and_a_new_one_is_issued_after_a_warning() => Browser.RunAsync(async page =>
    {
        var classroom = await StudioClasses.ReadyAsync(Api);
        var sessionId = await StudioClasses.ScheduleAsync(classroom, "키 관리");
        var key = await StudioClasses.StreamKeyAsync(classroom.Manager, sessionId);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await AppPages.SignInAsync(page, classroom.Manager.Email, Person.DefaultPassword);

        await page.GotoAsync($"inst/live/{sessionId}");
        var settings = page.GetByRole(AriaRole.Heading, new() { Name = "인코더(OBS) 방송 설정" }).Locator("xpath=ancestor::div[contains(@class,'mantine-Card-root')]");
        await Expect(settings.GetByText("rtmp://")).ToBeVisibleAsync();
        await Expect(settings.GetByText("숨겨져 있음")).ToBeAttachedAsync();
        Assert.DoesNotContain(key, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await settings.GetByRole(AriaRole.Button, new() { Name = "스트림 키 복사" }).ClickAsync();
        await Expect(settings.GetByText("복사했습니다")).ToBeVisibleAsync();
        Assert.Equal(key, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.DoesNotContain(key, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await settings.GetByRole(AriaRole.Button, new() { Name = "스트림 키 보기" }).ClickAsync();
        await Expect(page.GetByTestId("stream-key")).ToHaveTextAsync(key);
        await Expect(settings.GetByRole(AriaRole.Button, new() { Name = "스트림 키 숨기기" })).ToHaveAttributeAsync("aria-pressed", "true");

        await settings.GetByRole(AriaRole.Button, new() { Name = "스트림 키 재발급" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "스트림 키를 새로 발급할까요?" });
        await Expect(dialog).ToContainTextAsync("지금 키는 즉시 거부됩니다");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the new key warning");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "새 키 발급" }).ClickAsync();
        await Expect(page.GetByText("새 스트림 키를 발급했습니다.")).ToBeVisibleAsync();

        var fresh = await StudioClasses.StreamKeyAsync(classroom.Manager, sessionId);
        Assert.NotEqual(key, fresh);
        await Expect(page.GetByTestId("stream-key")).ToHaveTextAsync(fresh);
    });

    [Fact]
    public Task A_learner_is_refused_the_studio_in_words() => Browser.RunAsync(async page =>
    {
        var classroom = await StudioClasses.ReadyAsync(Api);
        var sessionId = await StudioClasses.ScheduleAsync(classroom, "학습자 차단");
        await AppPages.SignInAsync(page, classroom.Employees[0].Email, Person.DefaultPassword);

        await page.GotoAsync($"inst/live/{sessionId}/broadcast");

        await Expect(AppPages.Heading(page, "권한 없음")).ToBeVisibleAsync();
    });
}
