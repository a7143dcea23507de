using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Onboarding;

public sealed class A_visitor_finding_a_place(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Joins_the_company_of_their_email_domain_and_becomes_an_employee_without_signing_in_again() => Browser.RunAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var domain = $"web{tag}.example";
        var supervisor = await Person.JoinAsync(Api, $"boss@{domain}", "인사 담당자");
        await supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/companies", new
        {
            name = $"웹상사 {tag}", ownerName = "대표", businessNumber = $"7{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            emailDomain = domain, phone = "02-222-2222",
        });
        var visitor = await Person.JoinAsync(Api, $"new.hire@{domain}", "신입 사원");

        await AppPages.SignInAsync(page, visitor.Email, Person.DefaultPassword);
        await Expect(AppPages.Heading(page, "시작하기")).ToBeVisibleAsync();
        await Expect(page.GetByText($"{visitor.Email} 주소는 웹상사 {tag}의 이메일 도메인입니다.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"웹상사 {tag}에 합류" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/app/courses$"), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "계정 메뉴" })).ToContainTextAsync("임직원 학습자");
        Assert.Contains(await page.Context.CookiesAsync(), cookie => cookie.Name == "lms_access");
    });

    [Fact]
    public Task Registers_a_company_only_at_their_own_email_domain() => Browser.RunAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var founder = await Person.JoinAsync(Api, $"founder@corp{tag}.example", "창업자");
        await AppPages.SignInAsync(page, founder.Email, Person.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "회사 등록하기" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "회사 등록하기" });
        await Expect(form.GetByLabel("이메일 도메인")).ToHaveValueAsync($"corp{tag}.example");
        await form.GetByLabel("회사 이름").FillAsync($"새회사 {tag}");
        await form.GetByLabel("대표자 이름").FillAsync("홍길동");
        await form.GetByLabel("사업자등록번호").FillAsync($"6{Random.Shared.NextInt64(100_000_000, 999_999_999)}");
        await form.GetByLabel("전화번호").FillAsync("02-333-3333");
        await form.GetByLabel("이메일 도메인").FillAsync("someone-else.example");
        await form.GetByRole(AriaRole.Button, new() { Name = "회사 등록" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert).Or(form.GetByText("확인해 주세요")).First).ToBeVisibleAsync();

        await form.GetByLabel("이메일 도메인").FillAsync($"corp{tag}.example");
        await form.GetByRole(AriaRole.Button, new() { Name = "회사 등록" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "계정 메뉴" })).ToContainTextAsync("기업 담당자", new() { Timeout = 30_000 });
    });
}
