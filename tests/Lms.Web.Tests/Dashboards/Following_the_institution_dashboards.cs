using System.Text.RegularExpressions;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Dashboards;

public sealed class Following_the_institution_dashboards(Chromium browser, ActiveClass active) : BrowserTest(browser), IClassFixture<ActiveClass>
{
    private Task SignInAsync(IPage page) => DashboardChecks.SignInAsync(page, active.Classroom.Manager.Email);

    [Fact]
    public async Task The_console_opens_on_the_summary_with_its_chart_table_and_csv()
    {
        await Browser.RunAsync(async page =>
        {
            await SignInAsync(page);
            await Expect(page).ToHaveURLAsync(new Regex("/app/inst$"));
            await Expect(AppPages.Heading(page, "기관 대시보드")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "기관 대시보드" }))
                .ToHaveAttributeAsync("aria-current", "page");

            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "기관 요약 지표" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            Assert.Equal(["2"], await DashboardChecks.RowAsync(page, "기관 요약 지표", "수강 신청"));
            Assert.Equal(["1"], await DashboardChecks.RowAsync(page, "기관 요약 지표", "수료"));
            Assert.Equal(["50%"], await DashboardChecks.RowAsync(page, "기관 요약 지표", "수료율"));
            await Expect(DashboardChecks.Legend(page, "수강생 수")).ToBeVisibleAsync();
            await Expect(DashboardChecks.AxisTick(page, "수강 중")).ToBeVisibleAsync();

            var (name, text) = await DashboardChecks.DownloadCsvAsync(page, "요약 CSV 내려받기");
            Assert.Equal("대시보드_요약.csv", name);
            Assert.StartsWith("코스 수,운영 중인 코스 제공,수강 신청,수강 중,수료,수료율(%),평균 평점,평가 수\r\n", text, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the institution summary");
        });
    }

    [Fact]
    public async Task Monthly_and_quarterly_figures_chart_this_korean_year_in_korean()
    {
        await Browser.RunAsync(async page =>
        {
            var now = ActiveClass.KoreaNow;
            await SignInAsync(page);
            await page.GotoAsync("inst/dashboards/monthly");
            await Expect(AppPages.Heading(page, "월별 통계")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "연도 (한국 시간)" })).ToHaveValueAsync($"{now.Year}");
            var caption = $"{now.Year}년 월별 통계";
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = caption })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            // Companies, learners, courses taught in this Korean month.
            Assert.Equal(["1", "2", "1"], await DashboardChecks.RowAsync(page, caption, $"{now.Month}월"));
            await Expect(DashboardChecks.Legend(page, "진행 중인 과정 수")).ToBeVisibleAsync();
            await Expect(DashboardChecks.AxisTick(page, $"{now.Month}월")).ToBeVisibleAsync();
            var (name, text) = await DashboardChecks.DownloadCsvAsync(page, "월별 통계 CSV 내려받기");
            Assert.Equal($"월별_통계_{now.Year}.csv", name);
            Assert.StartsWith("월,회사 수,수강생 수,진행 중인 강의 수\r\n", text, StringComparison.Ordinal);
            Assert.Contains($"{now:yyyy-MM},1,2,1\r\n", text, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the monthly dashboard");

            // Last year had nothing: the page says so in words.
            await page.GetByRole(AriaRole.Combobox, new() { Name = "연도 (한국 시간)" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = $"{now.Year - 1}", Exact = true }).ClickAsync();
            await Expect(page.GetByText($"{now.Year - 1}년에는 아직 수강 기록이 없습니다.")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"year={now.Year - 1}"));

            await page.GetByRole(AriaRole.Link, new() { Name = "분기별" }).ClickAsync();
            await Expect(AppPages.Heading(page, "분기별 통계")).ToBeVisibleAsync();
            var quarter = $"{(now.Month + 2) / 3}분기";
            Assert.Equal(["1", "2", "1"], await RowWhenShownAsync(page, $"{now.Year}년 분기별 통계", quarter));
            await Expect(DashboardChecks.AxisTick(page, quarter)).ToBeVisibleAsync();
            var (_, quarterly) = await DashboardChecks.DownloadCsvAsync(page, "분기별 통계 CSV 내려받기");
            Assert.StartsWith("분기,회사 수,수강생 수,진행 중인 강의 수\r\n", quarterly, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the quarterly dashboard");
        });
    }

    [Fact]
    public async Task Popular_courses_attendance_and_companies_name_the_course_and_the_company()
    {
        await Browser.RunAsync(async page =>
        {
            var classroom = active.Classroom;
            var company = await CompanyNameAsync();
            var now = ActiveClass.KoreaNow;
            await SignInAsync(page);

            await page.GotoAsync("inst/dashboards/popular-courses");
            await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "월 (한국 시간)" })).ToHaveValueAsync($"{now.Year}년 {now.Month}월");
            var popular = $"{now:yyyy-MM} 인기 과정";
            Assert.Equal([classroom.CourseTitle, "2", "1", "5"], await RowWhenShownAsync(page, popular, "1"));
            await Expect(DashboardChecks.Legend(page, "수강 신청")).ToBeVisibleAsync();
            var (popularName, popularCsv) = await DashboardChecks.DownloadCsvAsync(page, "인기 과정 CSV 내려받기");
            Assert.Equal($"인기_코스_{now:yyyy-MM}.csv", popularName);
            Assert.StartsWith("순위,코스,수강 신청,수료,평균 평점\r\n", popularCsv, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the popular courses");

            await page.GetByRole(AriaRole.Link, new() { Name = "출석·수료" }).ClickAsync();
            await Expect(page.GetByText("과정을 고르면 회사별 숫자가 나옵니다.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "과정" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = classroom.CourseTitle }).ClickAsync();
            var attendance = $"{classroom.CourseTitle} 회사별 출석·수료";
            var row = await RowWhenShownAsync(page, attendance, company);
            Assert.Equal(["2", "1", "50"], row.Take(3));
            await Expect(DashboardChecks.Legend(page, "수료율(%)")).ToBeVisibleAsync();
            var (_, attendanceCsv) = await DashboardChecks.DownloadCsvAsync(page, "회사별 출석·수료 CSV 내려받기");
            Assert.StartsWith("회사,수강생 수,수료,수료율(%),평균 진도율(%),실시간 출석률(%)\r\n", attendanceCsv, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the attendance dashboard");

            await page.GetByRole(AriaRole.Link, new() { Name = "회사", Exact = true }).ClickAsync();
            Assert.Equal(["1", "5", "2", "1", "50"], await RowWhenShownAsync(page, "계약 회사별 현황", company));
            await Expect(DashboardChecks.AxisTick(page, company)).ToBeVisibleAsync();
            var (_, companiesCsv) = await DashboardChecks.DownloadCsvAsync(page, "계약 회사 CSV 내려받기");
            Assert.StartsWith("회사,코스 제공 수,좌석 수,수강생 수,수료,수료율(%)\r\n", companiesCsv, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the companies dashboard");
        });
    }

    [Fact]
    public async Task Running_courses_lead_to_the_training_records_report()
    {
        await Browser.RunAsync(async page =>
        {
            var classroom = active.Classroom;
            var company = await CompanyNameAsync();
            await SignInAsync(page);
            await page.GotoAsync("inst/dashboards/provisions");
            var row = await RowWhenShownAsync(page, "운영 중인 과정 제공", classroom.CourseTitle);
            Assert.Equal(company, row[0]);
            Assert.True(row[2] is "등록됨" or "진행 중", row[2]); // registered, or already moved to running
            var (_, provisionsCsv) = await DashboardChecks.DownloadCsvAsync(page, "운영 중인 과정 CSV 내려받기");
            Assert.StartsWith("코스,회사,시작일,종료일,상태,좌석 수,수강생 수,수료,평균 진도율(%)\r\n", provisionsCsv, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the running courses");

            await page.GetByRole(AriaRole.Link, new() { Name = $"{classroom.CourseTitle} · {company} 훈련기록" }).ClickAsync();
            await Expect(AppPages.Heading(page, "훈련기록 보고서")).ToBeVisibleAsync();
            var caption = $"{classroom.CourseTitle} 학습자별 훈련기록";
            var finisher = await RowWhenShownAsync(page, caption, "사원0");
            Assert.Equal(classroom.Employees[0].Email, finisher[0]);
            Assert.Contains("수료", finisher);
            Assert.Contains("미수료", await DashboardChecks.RowAsync(page, caption, "사원1"));
            await Expect(DashboardChecks.Legend(page, "진도율(%)")).ToBeVisibleAsync();
            var (name, text) = await DashboardChecks.DownloadCsvAsync(page, "훈련기록 CSV 내려받기");
            Assert.Equal($"훈련기록_{classroom.CourseTitle}_{company}.csv", name);
            Assert.StartsWith("회사,성명,이메일,과정명,훈련 시작일,훈련 종료일,진도율(%),평가 점수,실시간 출석률(%),수료 여부,수료일,수료증 번호\r\n", text, StringComparison.Ordinal);
            Assert.Contains($"{company},사원0,{classroom.Employees[0].Email},", text, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the training-records report");
        });
    }

    [Fact]
    public async Task Ratings_show_the_distribution_the_course_and_the_comment()
    {
        await Browser.RunAsync(async page =>
        {
            await SignInAsync(page);
            await page.GotoAsync("inst/dashboards/ratings");
            Assert.Equal(["1"], await RowWhenShownAsync(page, "평점 분포 (전체 1건, 평균 5)", "5점"));
            Assert.Equal(["0"], await DashboardChecks.RowAsync(page, "평점 분포 (전체 1건, 평균 5)", "1점"));
            await Expect(DashboardChecks.AxisTick(page, "5점")).ToBeVisibleAsync();
            await Expect(DashboardChecks.Legend(page, "평가 수")).ToBeVisibleAsync();
            Assert.Equal("5", (await RowWhenShownAsync(page, "과정별 평점", active.Classroom.CourseTitle))[0]);
            await Expect(page.GetByText(ActiveClass.Comment)).ToBeVisibleAsync();
            var (_, text) = await DashboardChecks.DownloadCsvAsync(page, "과정 평점 CSV 내려받기");
            Assert.StartsWith("코스,평균 평점,평가 수,1점,2점,3점,4점,5점\r\n", text, StringComparison.Ordinal);
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the ratings dashboard");
        });
    }

    private async Task<string> CompanyNameAsync() =>
        (await active.Classroom.Supervisor.SucceedAsync(HttpMethod.Get, "/company/v1/companies/mine")).GetProperty("name").GetString()!;

    private static Task<IReadOnlyList<string>> RowWhenShownAsync(IPage page, string caption, string rowHeader) =>
        DashboardChecks.RowWhenShownAsync(page, caption, rowHeader);
}
