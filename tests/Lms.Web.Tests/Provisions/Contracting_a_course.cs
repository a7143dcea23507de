using System.Globalization;
using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Lms.Web.Tests.Provisions.ProvisionPages;

namespace Lms.Web.Tests.Provisions;

/// <summary>The contract between a company and an institution, run by both sides in their own browsers.</summary>
public sealed class Contracting_a_course(Chromium browser) : BrowserTest(browser)
{
    private const string Busy = """{"type":"https://lms.example/problems/company-unavailable","title":"busy","status":503}""";

    [Fact]
    public Task A_supervisor_requests_the_manager_accepts_a_roster_one_too_many_is_fixed_approved_and_the_employee_finds_the_course() =>
        Browser.RunAsync(async supervisor =>
    {
        var parties = await ContractParties.RegisterAsync(Api, employees: 3);
        var (first, second, third) = (parties.Employees[0], parties.Employees[1], parties.Employees[2]);

        // The supervisor finds the course by a Korean part of its title and asks for two seats.
        await AppPages.SignInAsync(supervisor, parties.Supervisor.Email, Person.DefaultPassword);
        await supervisor.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "과정 찾기" }).ClickAsync();
        await Expect(AppPages.Heading(supervisor, "과정 찾기")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "catalog");
        await supervisor.GetByLabel("검색어").FillAsync($"{parties.Tag} 직장 내 괴롭힘");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }));
        await Expect(supervisor.GetByText("1개 과정")).ToBeVisibleAsync();
        await supervisor.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }).ClickAsync();
        await Expect(AppPages.Heading(supervisor, parties.CourseTitle)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "course detail with the request form");

        // A period shorter than the course is refused next to the end date, before anything is sent.
        var begin = await supervisor.GetByLabel("교육 시작일").InputValueAsync();
        await supervisor.GetByLabel("교육 종료일").FillAsync(begin);
        await supervisor.GetByLabel("인원 (좌석 수)").FillAsync("2");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "요청 보내기" }).ClickAsync();
        await Expect(supervisor.GetByText($"이 과정은 {ContractParties.PeriodDays}일 과정입니다.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(supervisor.GetByLabel("교육 종료일")).ToHaveAttributeAsync("aria-invalid", "true");
        await supervisor.GetByLabel("교육 종료일").FillAsync(DateOnly.ParseExact(begin, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(ContractParties.PeriodDays + 6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "요청 보내기" }).ClickAsync();
        await Expect(AppPages.Heading(supervisor, parties.CourseTitle)).ToBeVisibleAsync();
        await Expect(supervisor.GetByText("수락 대기", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(supervisor.GetByText("요청을 보냈습니다.")).ToBeVisibleAsync();
        var provisionUrl = supervisor.Url;

        // The manager accepts in the inbox; the first answer is the company side busy, and the page retries by itself.
        await using var managerContext = await Browser.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await AppPages.SignInAsync(manager, parties.Manager.Email, Person.DefaultPassword);
        await manager.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "과정 제공 요청함" }).ClickAsync();
        await Expect(AppPages.Heading(manager, "과정 제공 요청함")).ToBeVisibleAsync();
        await ReloadUntilVisibleAsync(manager, () => manager.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }));
        await Accessibility.AssertNoSeriousViolationsAsync(manager, "inbox, requests");
        await manager.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }).ClickAsync();
        await Expect(AppPages.Heading(manager, parties.CourseTitle)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(manager, "inbox, a request");
        var accepts = 0;
        await manager.RouteAsync("**/institution/v1/course-provides/*/accept", async route =>
        {
            if (Interlocked.Increment(ref accepts) == 1)
            {
                await route.FulfillAsync(new() { Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "2" }, ContentType = "application/problem+json", Body = Busy });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await manager.GetByRole(AriaRole.Button, new() { Name = "요청 수락" }).ClickAsync();
        await Expect(manager.GetByText(new Regex(@"다시 시도 중… \d초"))).ToBeVisibleAsync();
        await Expect(manager.GetByText("(시도 2/5)", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(manager.GetByText("요청을 수락했습니다.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal(2, accepts);
        await Expect(manager.GetByText("수락됨", new() { Exact = true }).First).ToBeVisibleAsync();
        await manager.UnrouteAllAsync();

        // The supervisor lists three people for two seats and is told which one has no seat.
        await supervisor.GotoAsync(provisionUrl);
        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByRole(AriaRole.Heading, new() { Name = "수강 명단" }));
        await MemberBox(supervisor, "사원0", first.Email).CheckAsync();
        await MemberBox(supervisor, "사원1", second.Email).CheckAsync();
        await MemberBox(supervisor, "사원2", third.Email).CheckAsync();
        await Expect(supervisor.GetByText("좌석 2석 중 3석: 1명 초과")).ToBeVisibleAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "명단 제출" }).ClickAsync();
        await Expect(supervisor.GetByRole(AriaRole.Alert).GetByText("명단을 받지 않았습니다. 표시된 사람을 확인해 주세요.")).ToBeVisibleAsync();
        await Expect(Chosen(supervisor, "사원2")).ToContainTextAsync("좌석이 없습니다.");
        await Expect(Chosen(supervisor, "사원0")).Not.ToContainTextAsync("좌석이 없습니다.");
        await Expect(Chosen(supervisor, "사원1")).Not.ToContainTextAsync("좌석이 없습니다.");
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "provision, roster refused");

        // Fixed: the third person off, the roster goes.
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "사원2 빼기" }).ClickAsync();
        await Expect(supervisor.GetByText("좌석 2석 중 2석 사용, 0석 남음")).ToBeVisibleAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "명단 제출" }).ClickAsync();
        await Expect(supervisor.GetByText("명단 검토 중", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(supervisor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"사원0 ({first.Email})" })).ToBeVisibleAsync();

        // The manager approves the roster.
        await manager.GotoAsync("inst/inbox?tab=rosters");
        await ReloadUntilVisibleAsync(manager, () => manager.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }));
        await Accessibility.AssertNoSeriousViolationsAsync(manager, "inbox, rosters");
        await manager.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }).ClickAsync();
        await Expect(manager.GetByText("2명 (좌석 2석)")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "명단 승인" }).ClickAsync();
        await Expect(manager.GetByText("명단을 승인했습니다. 직원들이 수강 등록됩니다.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(manager.GetByRole(AriaRole.Table, new() { Name = "이 과정 제공의 상태 변화, 최근 것부터" })).ToContainTextAsync("명단 검토 중 → 등록 완료");
        await Accessibility.AssertNoSeriousViolationsAsync(manager, "inbox, a decided roster with its history");

        // The first employee finds the course on their own page.
        await using var employeeContext = await Browser.NewContextAsync();
        var employee = await employeeContext.NewPageAsync();
        await AppPages.SignInAsync(employee, first.Email, Person.DefaultPassword);
        await employee.GotoAsync("courses");
        await Expect(AppPages.Heading(employee, "내 강의실")).ToBeVisibleAsync();
        await ReloadUntilVisibleAsync(employee, () => employee.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }));

        // Both sides see the same history; the supervisor's names its people.
        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByText("등록 완료", new() { Exact = true }).First);
        var history = supervisor.GetByRole(AriaRole.Table, new() { Name = "이 과정 제공의 상태 변화, 최근 것부터" });
        await Expect(history).ToContainTextAsync("수락 대기 → 수락됨");
        await Expect(history).ToContainTextAsync("나 (기업 담당자)");
        await Expect(history).ToContainTextAsync("교육기관 담당자");
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "provision, registered");
        await supervisor.GotoAsync("corp/provisions");
        await Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "provision list");
    });
}
