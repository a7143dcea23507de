using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Accounts;

/// <summary>The pages every person meets, checked by axe on a laptop and on a phone.</summary>
public sealed class Pages_for_everyone(Chromium browser) : BrowserTest(browser)
{
    public static TheoryData<string> Sizes => ["laptop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task Have_no_serious_accessibility_violations(string size) => Browser.RunAsync(async page =>
    {
        foreach (var (path, heading) in new[] { ("signin", "로그인"), ("signup", "회원가입"), ("confirm", "이메일 확인"), ("password/forgot", "비밀번호 찾기"), ("password/reset", "비밀번호 재설정") })
        {
            await page.GotoAsync(path);
            await Expect(AppPages.Heading(page, heading)).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, path);
        }

        var visitor = await Person.JoinAsync(Api, $"axe.{Guid.NewGuid():N}"[..20] + "@example.com", "접근성");
        await AppPages.SignInAsync(page, visitor.Email, Person.DefaultPassword);
        await Expect(AppPages.Heading(page, "시작하기")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "onboarding");
        await page.GotoAsync("profile");
        await Expect(AppPages.Heading(page, "내 정보")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "profile");
        await page.GotoAsync("no/such/page");
        await Expect(AppPages.Heading(page, "찾을 수 없음")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "not found");
    }, size == "phone" ? Viewport.Phone : Viewport.Laptop, $"{nameof(Have_no_serious_accessibility_violations)}-{size}");

    [Fact]
    public Task Refuse_another_roles_page_in_words() => Browser.RunAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var supervisor = await Person.JoinAsync(Api, $"boss@role{tag}.example", "담당자");
        await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/companies", new
        {
            name = $"역할상사 {tag}", ownerName = "대표", businessNumber = $"5{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            emailDomain = $"role{tag}.example", phone = "02-444-4444",
        });
        await supervisor.BecomeAsync("CompanySupervisor");
        await AppPages.SignInAsync(page, supervisor.Email, Person.DefaultPassword);
        // Onboarding is a visitor's page; a supervisor already belongs somewhere.
        await page.GotoAsync("onboarding");
        await Expect(AppPages.Heading(page, "권한 없음")).ToBeVisibleAsync();
    });
}
