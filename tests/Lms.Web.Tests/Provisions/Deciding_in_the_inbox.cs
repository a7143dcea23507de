using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Lms.Web.Tests.Provisions.ProvisionPages;

namespace Lms.Web.Tests.Provisions;

/// <summary>The manager's decisions: never lost when the company side is busy, and reasons the company reads.</summary>
public sealed class Deciding_in_the_inbox(Chromium browser) : BrowserTest(browser)
{
    private const string Busy = """{"type":"https://lms.example/problems/company-unavailable","title":"busy","status":503}""";

    [Fact]
    public Task A_decision_the_company_side_keeps_refusing_stops_after_five_attempts_and_says_so_then_goes_through_when_sent_again() => Browser.RunAsync(async manager =>
    {
        var parties = await ContractParties.RegisterAsync(Api, employees: 0);
        var begin = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(2);
        var provision = await parties.Supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/course-provides",
            new { courseId = parties.CourseId, beginDate = begin, endDate = begin.AddDays(30), seats = 3 });
        var provisionId = provision.GetProperty("id").GetGuid();

        await AppPages.SignInAsync(manager, parties.Manager.Email, Person.DefaultPassword);
        await manager.GotoAsync($"inst/inbox/{provisionId}");
        await ReloadUntilVisibleAsync(manager, () => manager.GetByRole(AriaRole.Button, new() { Name = "요청 수락" }));
        var busy = 0;
        await manager.RouteAsync("**/institution/v1/course-provides/*/accept", async route =>
        {
            Interlocked.Increment(ref busy);
            await route.FulfillAsync(new() { Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "1" }, ContentType = "application/problem+json", Body = Busy });
        });
        await manager.GetByRole(AriaRole.Button, new() { Name = "요청 수락" }).ClickAsync();
        await Expect(manager.GetByText("(시도 3/5)", new() { Exact = false })).ToBeVisibleAsync();
        // While it retries, no second decision can be started.
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "요청 거절" })).ToBeDisabledAsync();
        var gaveUp = manager.GetByRole(AriaRole.Alert).Filter(new() { HasText = "5번 시도하는 동안 답하지 않아 결정이 아직 적용되지 않았습니다" });
        await Expect(gaveUp).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal(5, busy);
        await Accessibility.AssertNoSeriousViolationsAsync(manager, "inbox, a decision that could not be sent");

        await manager.UnrouteAllAsync();
        await gaveUp.GetByRole(AriaRole.Button, new() { Name = "다시 보내기" }).ClickAsync();
        await Expect(manager.GetByText("요청을 수락했습니다.")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var history = manager.GetByRole(AriaRole.Table, new() { Name = "이 과정 제공의 상태 변화, 최근 것부터" });
        await Expect(history.GetByText("수락 대기 → 수락됨")).ToHaveCountAsync(1);
        Assert.Equal("ACCEPTED", (await parties.ProvisionAsync(provisionId)).GetProperty("state").GetString());
    });

    [Fact]
    public Task A_declined_request_shows_the_reason_and_a_cancelled_one_asked_first() => Browser.RunAsync(async supervisor =>
    {
        var parties = await ContractParties.RegisterAsync(Api, employees: 0);
        var begin = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(2);
        var ids = new List<Guid>();
        for (var seats = 3; seats <= 4; seats++)
        {
            var provision = await parties.Supervisor.SucceedAsync(HttpMethod.Post, "/company/v1/course-provides",
                new { courseId = parties.CourseId, beginDate = begin, endDate = begin.AddDays(30), seats });
            ids.Add(provision.GetProperty("id").GetGuid());
        }

        await using var managerContext = await Browser.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await AppPages.SignInAsync(manager, parties.Manager.Email, Person.DefaultPassword);
        await manager.GotoAsync($"inst/inbox/{ids[0]}");
        await ReloadUntilVisibleAsync(manager, () => manager.GetByRole(AriaRole.Button, new() { Name = "요청 거절" }));
        await manager.GetByRole(AriaRole.Button, new() { Name = "요청 거절" }).ClickAsync();
        var dialog = manager.GetByRole(AriaRole.Dialog, new() { Name = "요청을 거절하는 사유" });
        await dialog.GetByLabel("사유").FillAsync("해당 기간에는 강사 일정이 없습니다");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "요청 거절" }).ClickAsync();
        await Expect(manager.GetByText("요청을 거절했습니다.")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await AppPages.SignInAsync(supervisor, parties.Supervisor.Email, Person.DefaultPassword);
        await supervisor.GotoAsync($"corp/provisions/{ids[0]}");
        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByText("거절 사유: 해당 기간에는 강사 일정이 없습니다"));
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "provision, declined");

        await supervisor.GotoAsync($"corp/provisions/{ids[1]}");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "요청 취소" }).ClickAsync();
        var ask = supervisor.GetByRole(AriaRole.Dialog, new() { Name = "이 요청을 취소할까요?" });
        await Expect(ask).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(supervisor, "cancel confirmation");
        await ask.GetByRole(AriaRole.Button, new() { Name = "뒤로" }).ClickAsync();
        await Expect(supervisor.GetByText("수락 대기", new() { Exact = true }).First).ToBeVisibleAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "요청 취소" }).ClickAsync();
        await ask.GetByRole(AriaRole.Button, new() { Name = "요청 취소" }).ClickAsync();
        await Expect(supervisor.GetByText("취소됨", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.Equal("CANCELLED", (await parties.ProvisionAsync(ids[1])).GetProperty("state").GetString());

        await supervisor.GotoAsync("corp/provisions?state=CANCELLED");
        await Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = parties.CourseTitle })).ToHaveCountAsync(1);
    });
}
