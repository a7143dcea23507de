using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Lms.Web.Tests.Provisions.ProvisionPages;

namespace Lms.Web.Tests.Admin;

/// <summary>An admin suspends an institution; a company's supervisor, in their own browser, sees its course go and come back.</summary>
public sealed class Suspending_an_institution(Chromium browser) : BrowserTest(browser)
{
    private const string Reason = "허위 광고 신고 접수, 확인 중";

    [Fact]
    public async Task Takes_its_course_out_of_the_supervisors_catalog_search_until_reinstated()
    {
        var admin = await Admins.NewAsync(Api);
        var classroom = await Classroom.RegisterAsync(Api, employees: 0);
        var tag = classroom.CourseTitle.Split(' ')[1];

        await using var supervisorContext = await Browser.NewContextAsync();
        var supervisor = await supervisorContext.NewPageAsync();
        await AppPages.SignInAsync(supervisor, classroom.Supervisor.Email, Person.DefaultPassword);
        await SearchCatalogAsync(supervisor, tag);
        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByRole(AriaRole.Link, new() { Name = classroom.CourseTitle }));

        await Browser.RunAsync(async page =>
        {
            await AppPages.SignInAsync(page, admin.Email, Person.DefaultPassword);
            await page.GotoAsync($"admin/institutions?q={tag}");
            await page.GetByRole(AriaRole.Link, new() { Name = $"종단교육원 {tag}" }).ClickAsync();
            await Expect(AppPages.Heading(page, $"종단교육원 {tag}")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "정지", Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"종단교육원 {tag} 정지" });
            await dialog.GetByLabel("사유").FillAsync(Reason);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "정지", Exact = true }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText($"종단교육원 {tag}을(를) 정지했습니다.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "a suspended institution");

            // The course is gone from the supervisor's search.
            await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByText("조건에 맞는 과정이 없습니다."));

            // The suspension reaches the audit trail by an event, within moments.
            await ReloadUntilVisibleAsync(page, () => page.GetByRole(AriaRole.Row).Filter(new() { HasText = "교육기관 정지" }).Filter(new() { HasText = Reason }));

            await page.GetByRole(AriaRole.Button, new() { Name = "정지 해제" }).ClickAsync();
            var again = page.GetByRole(AriaRole.Dialog, new() { Name = $"종단교육원 {tag} 정지 해제" });
            await again.GetByLabel("사유").FillAsync("확인 결과 문제 없음");
            await again.GetByRole(AriaRole.Button, new() { Name = "정지 해제" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText($"종단교육원 {tag}의 정지를 해제했습니다.")).ToBeVisibleAsync();
        });

        await ReloadUntilVisibleAsync(supervisor, () => supervisor.GetByRole(AriaRole.Link, new() { Name = classroom.CourseTitle }));
    }

    private static async Task SearchCatalogAsync(IPage page, string text)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "과정 찾기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "과정 찾기")).ToBeVisibleAsync();
        await page.GetByLabel("검색어").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "검색", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q="));
    }
}
