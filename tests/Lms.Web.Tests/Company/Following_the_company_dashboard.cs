using System.Text.RegularExpressions;
using Lms.Web.Tests.Dashboards;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Company;

public sealed class Following_the_company_dashboard(Chromium browser, ActiveClass active) : BrowserTest(browser), IClassFixture<ActiveClass>
{
    [Fact]
    public async Task A_supervisor_opens_on_the_dashboard_and_downloads_the_learning_and_the_training_records()
    {
        await Browser.RunAsync(async page =>
        {
            var classroom = active.Classroom;
            await Lms.Web.Tests.Dashboards.DashboardChecks.SignInAsync(page, classroom.Supervisor.Email);
            await Expect(page).ToHaveURLAsync(new Regex("/app/corp$"));
            await Expect(AppPages.Heading(page, "기업 대시보드")).ToBeVisibleAsync();

            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "회사 요약 지표" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            Assert.Equal(["2"], await DashboardChecks.RowAsync(page, "회사 요약 지표", "임직원 수"));
            Assert.Equal(["50%"], await DashboardChecks.RowAsync(page, "회사 요약 지표", "수료율"));
            // Registered, or already running: the company learns the move by an event.
            var state = (await classroom.Supervisor.SucceedAsync(HttpMethod.Get, $"/company/v1/course-provides/{classroom.ProvisionId}")).GetProperty("state").GetString();
            var stateText = state == "IN_PROGRESS" ? "진행 중" : "등록됨";
            Assert.Equal(["1"], await DashboardChecks.RowAsync(page, "상태별 과정 제공 수", stateText));
            await Expect(DashboardChecks.Legend(page, "과정 제공 수")).ToBeVisibleAsync();
            await Expect(DashboardChecks.AxisTick(page, stateText)).ToBeVisibleAsync();
            var provision = await DashboardChecks.RowAsync(page, "과정 제공별 수강생과 수료", classroom.CourseTitle);
            Assert.Equal(["5", "2", "1"], provision.Skip(3).Take(3));
            Assert.Contains(classroom.Employees[0].Email, await page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^임직원별 학습 현황") }).InnerTextAsync());

            var (name, text) = await DashboardChecks.DownloadCsvAsync(page, "임직원별 학습 현황 CSV 내려받기");
            Assert.Equal("사원별_학습현황.csv", name);
            Assert.StartsWith("성명,이메일,과정명,상태,진도율(%),평가 점수,실시간 출석률(%),수료 여부,수료일,수료증 번호\r\n", text, StringComparison.Ordinal);
            Assert.Contains($"사원0,{classroom.Employees[0].Email},{classroom.CourseTitle},", text, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the company dashboard");

            await page.GetByRole(AriaRole.Combobox, new() { Name = "과정 제공" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex($"^{Regex.Escape(classroom.CourseTitle)} · ") }).ClickAsync();
            var caption = $"{classroom.CourseTitle} 학습자별 훈련기록";
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = caption }).GetByRole(AriaRole.Rowheader, new() { Name = "사원1" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            Assert.Contains("미수료", await DashboardChecks.RowAsync(page, caption, "사원1"));
            await Expect(DashboardChecks.Legend(page, "실시간 출석률(%)")).ToBeVisibleAsync();
            var (recordsName, records) = await DashboardChecks.DownloadCsvAsync(page, "훈련기록 CSV 내려받기");
            Assert.StartsWith($"훈련기록_{classroom.CourseTitle}_", recordsName, StringComparison.Ordinal);
            Assert.StartsWith("회사,성명,이메일,과정명,훈련기관,훈련 시작일,훈련 종료일,진도율(%),평가 점수,실시간 출석률(%),수료 여부,수료일,수료증 번호\r\n", records, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the company training records");
        });
    }
}
