using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Accounts;

public sealed class An_account_in_the_browser(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Is_made_with_the_mailed_code_survives_a_reload_and_ends_at_sign_out() => Browser.RunAsync(async page =>
    {
        var email = $"web.{Guid.NewGuid():N}"[..20] + "@example.com";
        await page.GotoAsync("signup");
        await page.GetByLabel("이메일").FillAsync(email);
        await page.GetByLabel("아이디").FillAsync($"w{Guid.NewGuid():N}"[..16]);
        await page.GetByLabel("이름").FillAsync("김하늘");
        await page.GetByLabel("비밀번호").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "가입하기" }).ClickAsync();
        await Expect(page.GetByText("10자 이상, 숫자를 하나 이상 넣어 주세요.").First).ToBeVisibleAsync();

        await page.GetByLabel("비밀번호").FillAsync("Hangul-pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "가입하기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "이메일 확인")).ToBeVisibleAsync();
        await page.GetByLabel("확인 코드").FillAsync(await RunningPlatform.Mail.ConfirmationCodeForAsync(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "확인", Exact = true }).ClickAsync();

        await Expect(page.GetByText("가입 확인을 마쳤습니다. 로그인해 주세요.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("이메일 또는 아이디")).ToHaveValueAsync(email);
        await page.GetByLabel("비밀번호").FillAsync("Hangul-pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();

        // A new account belongs nowhere yet: it starts at onboarding.
        await Expect(AppPages.Heading(page, "시작하기")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(AppPages.Heading(page, "시작하기")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == "lms_access" && !cookie.HttpOnly);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length - (localStorage.getItem('lms.language') ? 1 : 0)"));

        await page.GetByRole(AriaRole.Button, new() { Name = "계정 메뉴" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "로그아웃" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AppPages.SignInPath());
        await page.GotoAsync("profile");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/signin\\?returnTo=%2Fprofile"));
    });

    [Fact]
    public Task Stays_signed_in_when_the_access_cookie_expires() => Browser.RunAsync(async page =>
    {
        var person = await Person.JoinAsync(Api, $"web.{Guid.NewGuid():N}"[..20] + "@example.com", "이도윤");
        await AppPages.SignInAsync(page, person.Email, Person.DefaultPassword);
        await Expect(AppPages.Heading(page, "시작하기")).ToBeVisibleAsync();

        // The access cookie lives as long as its token: once the browser drops it, the next call answers 401 and the
        // app refreshes with the refresh cookie, once, without the person noticing.
        var cookies = await page.Context.CookiesAsync();
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "lms_access" });
        Assert.Contains(cookies, cookie => cookie.Name == "lms_access");
        var refreshed = page.WaitForResponseAsync(response => response.Url.EndsWith("/identity/v1/token/refresh", StringComparison.Ordinal) && response.Status == 200);
        await page.GotoAsync("profile");
        await refreshed;
        await Expect(AppPages.Heading(page, "내 정보")).ToBeVisibleAsync();
        await Expect(page.GetByText(person.Email)).ToBeVisibleAsync();
    });

    [Fact]
    public Task Shows_a_wrong_password_in_words_not_a_status() => Browser.RunAsync(async page =>
    {
        var person = await Person.JoinAsync(Api, $"web.{Guid.NewGuid():N}"[..20] + "@example.com", "박서준");
        await page.GotoAsync("signin");
        await page.GetByLabel("이메일 또는 아이디").FillAsync(person.Email);
        await page.GetByLabel("비밀번호").FillAsync("not the password 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("아이디(이메일) 또는 비밀번호가 맞지 않습니다.");
        await Expect(alert).Not.ToContainTextAsync("401");
        await Expect(page).ToHaveURLAsync(AppPages.SignInPath());
    });
}
