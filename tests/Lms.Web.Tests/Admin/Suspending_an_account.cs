using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Admin;

/// <summary>The platform admin's accounts, audit trail and other pages, with the suspended person in their own browser.</summary>
public sealed class Suspending_an_account(Chromium browser) : BrowserTest(browser)
{
    private const string SuspendReason = "고객센터 요청 #4821: 계정 도용 신고";
    private const string ReinstateReason = "본인 확인 완료, 비밀번호 변경 안내";

    [Fact]
    public async Task Ends_the_persons_session_explains_it_at_sign_in_and_lets_them_back_after_reinstating_with_both_in_the_audit_trail()
    {
        var admin = await Admins.NewAsync(Api);
        var person = await Person.JoinAsync(Api, $"suspended.{Guid.NewGuid():N}@example.com", "정지될사람");

        // The person is signed in in their own browser.
        await using var theirs = await Browser.NewContextAsync();
        var them = await theirs.NewPageAsync();
        await AppPages.SignInAsync(them, person.Email, Person.DefaultPassword);
        await Expect(AppPages.Heading(them, "시작하기")).ToBeVisibleAsync();

        await Browser.RunAsync(async page =>
        {
            // An admin starts on the platform's health and finds the person by a part of their email.
            await AppPages.SignInAsync(page, admin.Email, Person.DefaultPassword);
            await Expect(AppPages.Heading(page, "플랫폼 상태")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "서비스별 상태" })).ToContainTextAsync("계정(identity)", new() { Timeout = 20_000 });
            await Accessibility.AssertNoSeriousViolationsAsync(page, "platform health");

            await Menu(page, "계정 관리").ClickAsync();
            await Expect(AppPages.Heading(page, "계정 관리")).ToBeVisibleAsync();
            await page.GetByLabel("검색어").FillAsync(person.Email);
            await page.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "계정 1개 (최근 가입 순)" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Accessibility.AssertNoSeriousViolationsAsync(page, "accounts");
            await page.GetByRole(AriaRole.Link, new() { Name = "정지될사람 계정 보기" }).ClickAsync();
            await Expect(AppPages.Heading(page, "정지될사람")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "an account");

            // Suspending asks why; a blank reason is refused before anything is sent.
            await page.GetByRole(AriaRole.Button, new() { Name = "계정 정지" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "계정 정지: 정지될사람" });
            await Expect(dialog).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the reason dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "계정 정지" }).ClickAsync();
            await Expect(dialog.GetByText("사유를 적어 주세요.")).ToBeVisibleAsync();
            await dialog.GetByLabel("사유").FillAsync(SuspendReason);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "계정 정지" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText("정지될사람 계정을 정지했습니다.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "정지 해제" })).ToBeVisibleAsync();

            // Their open page stops working: on reload it ends at sign-in, and signing in says why in words.
            await them.ReloadAsync();
            await Expect(them).ToHaveURLAsync(AppPages.SignInPath());
            await them.GetByLabel("이메일 또는 아이디").FillAsync(person.Email);
            await them.GetByRole(AriaRole.Textbox, new() { Name = "비밀번호" }).FillAsync(Person.DefaultPassword);
            await them.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
            await Expect(them.GetByRole(AriaRole.Alert)).ToContainTextAsync("이 계정은 플랫폼 관리자가 이용을 정지했습니다.");

            // Reinstated, they sign in again.
            await page.GetByRole(AriaRole.Button, new() { Name = "정지 해제" }).ClickAsync();
            var again = page.GetByRole(AriaRole.Dialog, new() { Name = "정지 해제: 정지될사람" });
            await again.GetByLabel("사유").FillAsync(ReinstateReason);
            await again.GetByRole(AriaRole.Button, new() { Name = "정지 해제" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText("정지될사람 계정의 정지를 해제했습니다.")).ToBeVisibleAsync();
            await them.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
            await Expect(AppPages.Heading(them, "시작하기")).ToBeVisibleAsync();

            // The account's page and the audit trail show both, newest first, in words and with the reasons.
            var history = page.GetByRole(AriaRole.Table, new() { Name = "기록 2건 (최근 순)" });
            await Expect(history).ToBeVisibleAsync();
            await Menu(page, "관리 기록").ClickAsync();
            await Expect(AppPages.Heading(page, "관리 기록")).ToBeVisibleAsync();
            var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = person.Email });
            await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 20_000 });
            await Expect(rows.Nth(0)).ToContainTextAsync("계정 정지 해제");
            await Expect(rows.Nth(0)).ToContainTextAsync(ReinstateReason);
            await Expect(rows.Nth(1)).ToContainTextAsync("계정 정지");
            await Expect(rows.Nth(1)).ToContainTextAsync(SuspendReason);
            await Expect(rows.Nth(1)).ToContainTextAsync("관리자");
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the audit trail");
        });
    }

    [Fact]
    public async Task Every_admin_page_opens_without_serious_accessibility_violations()
    {
        var admin = await Admins.NewAsync(Api);
        await Browser.RunAsync(async page =>
        {
            await AppPages.SignInAsync(page, admin.Email, Person.DefaultPassword);
            await Expect(AppPages.Heading(page, "플랫폼 상태")).ToBeVisibleAsync();

            await Menu(page, "교육기관 관리").ClickAsync();
            await Expect(AppPages.Heading(page, "교육기관 관리")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^교육기관 \\d+곳") })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Accessibility.AssertNoSeriousViolationsAsync(page, "institutions");
            await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "관리자", Level = 2 })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "an institution");

            await Menu(page, "기업 관리").ClickAsync();
            await Expect(AppPages.Heading(page, "기업 관리")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^기업 \\d+곳") })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Accessibility.AssertNoSeriousViolationsAsync(page, "companies");
            await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "기업 담당자", Level = 2 })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "a company");

            await Menu(page, "자유 연습 주제").ClickAsync();
            await Expect(AppPages.Heading(page, "자유 연습 주제")).ToBeVisibleAsync();
            await Expect(page.GetByText("핵심 내용과 동의어(채점 기준)는 학습자에게 절대 보이지 않습니다.", new() { Exact = false })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "주제 추가" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "새 주제" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the teach-back catalog with its form");
        });
    }

    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
