using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Company;

public sealed class Managing_the_company(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_supervisor_promotes_a_member_removes_another_and_invites_by_email()
    {
        var classroom = await Classroom.RegisterAsync(Api, employees: 2);
        var (promoted, removed) = (classroom.Employees[0], classroom.Employees[1]);
        var invited = $"new.{Guid.NewGuid():N}@{classroom.Supervisor.Email.Split('@')[1]}";
        await Browser.RunAsync(async page =>
        {
            await Lms.Web.Tests.Dashboards.DashboardChecks.SignInAsync(page, classroom.Supervisor.Email);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "구성원" }).ClickAsync();
            await Expect(AppPages.Heading(page, "구성원")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "구성원 목록 (3명)" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the members page");

            await page.GetByRole(AriaRole.Button, new() { Name = "사원0 님을 담당자로 지정" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText("사원0 님을 담당자로 지정했습니다.")).ToBeVisibleAsync();
            await Expect(RowOf(page, "사원0")).ToContainTextAsync("담당자");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "사원0 님을 임직원으로 변경" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "사원1 님을 회사에서 내보내기" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "사원1 님을 회사에서 내보낼까요?" });
            await Expect(dialog).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the removal dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "내보내기" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText("사원1 님을 회사에서 내보냈습니다.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "구성원 목록 (2명)" })).ToBeVisibleAsync();
            await Expect(RowOf(page, "사원1")).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Textbox, new() { Name = "초대할 이메일" }).FillAsync(invited);
            await page.GetByRole(AriaRole.Button, new() { Name = "초대 메일 보내기" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText(new Regex($"^{Regex.Escape(invited)} 주소로 초대 코드를 보냈습니다\\. .+까지 사용할 수 있습니다\\.$")))
                .ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the members page after the changes");
        });

        var members = (await classroom.Supervisor.SucceedAsync(HttpMethod.Get, "/company/v1/members")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("SUPERVISOR", members.Single(m => m.GetProperty("userId").GetGuid() == promoted.UserId).GetProperty("role").GetString());
        Assert.DoesNotContain(members, m => m.GetProperty("userId").GetGuid() == removed.UserId);
        Assert.Matches("^[A-Z0-9]{10}$", await RunningPlatform.Mail.InvitationCodeForAsync(invited));
    }

    [Fact]
    public async Task The_profile_shows_the_email_domain_and_what_proves_it()
    {
        var classroom = await Classroom.RegisterAsync(Api, employees: 0);
        var domain = classroom.Supervisor.Email.Split('@')[1];
        await Browser.RunAsync(async page =>
        {
            await Lms.Web.Tests.Dashboards.DashboardChecks.SignInAsync(page, classroom.Supervisor.Email);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "회사 정보" }).ClickAsync();
            await Expect(AppPages.Heading(page, "회사 정보")).ToBeVisibleAsync();
            var field = page.GetByRole(AriaRole.Textbox, new() { Name = "이메일 도메인" });
            await Expect(field).ToHaveValueAsync(domain, new() { Timeout = 20_000 });
            await Expect(page.GetByText($"내 계정의 확인된 이메일 {classroom.Supervisor.Email} 주소가 {domain} 도메인에 있어, 이 도메인이 증명됩니다.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the company profile");

            // Another domain is not proven by this account: the page says so, and the service refuses it next to the field.
            await field.FillAsync("elsewhere.example");
            await Expect(page.GetByText($"내 계정의 이메일 {classroom.Supervisor.Email} 주소는 elsewhere.example 도메인에 있지 않아")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
            await Expect(page.GetByText(new Regex("Your confirmed account email must be at this domain"))).ToBeVisibleAsync();

            // The phone changes under the proven domain.
            await field.FillAsync(domain);
            await page.GetByRole(AriaRole.Textbox, new() { Name = "대표 전화" }).FillAsync("02-222-3333");
            await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText("회사 정보를 저장했습니다.")).ToBeVisibleAsync();
        });
        var company = await classroom.Supervisor.SucceedAsync(HttpMethod.Get, "/company/v1/companies/mine");
        Assert.Equal("02-222-3333", company.GetProperty("phone").GetString());
    }

    private static ILocator RowOf(IPage page, string name) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^{name}") }) });
}
