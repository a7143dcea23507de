using System.Text.Json;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Lms.Web.Tests.Provisions.ProvisionPages;

namespace Lms.Web.Tests.Provisions;

/// <summary>The roster editor by keyboard alone, and amendments once the roster is registered.</summary>
public sealed class Editing_a_roster(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Works_with_the_keyboard_alone() => Browser.RunAsync(async page =>
    {
        var parties = await ContractParties.RegisterAsync(Api, employees: 2);
        var provisionId = await parties.AcceptedAsync(seats: 2);
        await AppPages.SignInAsync(page, parties.Supervisor.Email, Person.DefaultPassword);
        await page.GotoAsync($"corp/provisions/{provisionId}");
        await ReloadUntilVisibleAsync(page, () => page.GetByRole(AriaRole.Heading, new() { Name = "수강 명단" }));
        await Expect(MemberBox(page, "사원1", parties.Employees[1].Email)).ToBeVisibleAsync();

        // Search, then check both employees with Space.
        await TabToAsync(page, page.GetByLabel("이름이나 이메일로 찾기"));
        await page.Keyboard.TypeAsync("사원");
        await page.Keyboard.PressAsync("Tab");
        await Expect(MemberBox(page, "사원0", parties.Employees[0].Email)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await Expect(MemberBox(page, "사원1", parties.Employees[1].Email)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByText("좌석 2석 중 2석 사용, 0석 남음")).ToBeVisibleAsync();
        // The search narrows the list to one person; the choices made stay.
        await TabToAsync(page, page.GetByLabel("이름이나 이메일로 찾기"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(parties.Employees[1].Email);
        await Expect(MemberBox(page, "사원0", parties.Employees[0].Email)).ToBeHiddenAsync();
        await Expect(page.GetByText("선택한 사람 (2명)")).ToBeVisibleAsync();

        // Take the first one off from the chosen list with Enter, and send the roster with Enter.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "사원0 빼기" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("좌석 2석 중 1석 사용, 1석 남음")).ToBeVisibleAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "명단 제출" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("명단 검토 중", new() { Exact = true }).First).ToBeVisibleAsync();

        var provision = await parties.ProvisionAsync(provisionId);
        Assert.Equal([parties.Employees[1].UserId], provision.GetProperty("roster").EnumerateArray().Select(id => id.GetGuid()));
    });

    [Fact]
    public Task Adds_people_after_registration_as_an_amendment_the_institution_returns_with_a_reason_then_approves() => Browser.RunAsync(async supervisor =>
    {
        var parties = await ContractParties.RegisterAsync(Api, employees: 3);
        var provisionId = await parties.RegisteredAsync(seats: 2, [parties.Employees[0]]);
        await AppPages.SignInAsync(supervisor, parties.Supervisor.Email, Person.DefaultPassword);
        await supervisor.GotoAsync($"corp/provisions/{provisionId}");
        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByText("등록 완료", new() { Exact = true }).First);
        await Expect(supervisor.GetByText("등록된 명단에서 빼는 사람은 바로 빠지고", new() { Exact = false })).ToBeVisibleAsync();

        // Two additions for one free seat: the service names the one without a seat.
        await MemberBox(supervisor, "사원1", parties.Employees[1].Email).CheckAsync();
        await MemberBox(supervisor, "사원2", parties.Employees[2].Email).CheckAsync();
        await Expect(supervisor.GetByText("좌석 2석 중 3석: 1명 초과")).ToBeVisibleAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "명단 변경 보내기" }).ClickAsync();
        await Expect(Chosen(supervisor, "사원2")).ToContainTextAsync("좌석이 없습니다.");
        await Expect(Chosen(supervisor, "사원1")).Not.ToContainTextAsync("좌석이 없습니다.");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "사원2 빼기" }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "명단 변경 보내기" }).ClickAsync();
        var pending = supervisor.GetByRole(AriaRole.Heading, new() { Name = "승인 대기 중인 추가 인원" });
        await Expect(pending).ToBeVisibleAsync();
        await Expect(supervisor.GetByText("명단 변경: 0명 뺌, 1명 추가 승인 대기")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "provision with a pending amendment");

        // The manager finds it among the additions, returns it with a reason the supervisor reads.
        await using var managerContext = await Browser.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await AppPages.SignInAsync(manager, parties.Manager.Email, Person.DefaultPassword);
        await manager.GotoAsync("inst/inbox?tab=amendments");
        await ReloadUntilVisibleAsync(manager, () => manager.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }));
        await Accessibility.AssertNoSeriousViolationsAsync(manager, "inbox, additions");
        await manager.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle }).ClickAsync();
        await Expect(manager.GetByText("1명 추가 요청, 승인하면 좌석 2석 중 2석 사용")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "추가 반려" }).ClickAsync();
        var dialog = manager.GetByRole(AriaRole.Dialog, new() { Name = "추가를 반려하는 사유" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "추가 반려" }).ClickAsync();
        await Expect(dialog.GetByText("사유를 입력해 주세요.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(manager, "reason dialog");
        await dialog.GetByLabel("사유").FillAsync("다음 달 차수로 신청해 주세요");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "추가 반려" }).ClickAsync();
        await Expect(manager.GetByText("추가 인원을 반려했습니다.")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByText("추가 인원 반려: 다음 달 차수로 신청해 주세요"));
        await Expect(pending).ToBeHiddenAsync();

        // Sent again, approved: both learners are on the roster.
        await MemberBox(supervisor, "사원1", parties.Employees[1].Email).CheckAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "명단 변경 보내기" }).ClickAsync();
        await Expect(pending).ToBeVisibleAsync();
        await ReloadUntilVisibleAsync(manager, () => manager.GetByRole(AriaRole.Button, new() { Name = "추가 승인" }));
        await manager.GetByRole(AriaRole.Button, new() { Name = "추가 승인" }).ClickAsync();
        await Expect(manager.GetByText("추가 인원을 승인했습니다.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByText("추가 인원 1명 승인"));
        await Expect(pending).ToBeHiddenAsync();
        var roster = (await parties.ProvisionAsync(provisionId)).GetProperty("roster").EnumerateArray().Select(id => id.GetGuid()).ToHashSet();
        Assert.Equal(new HashSet<Guid> { parties.Employees[0].UserId, parties.Employees[1].UserId }, roster);
    });
}
