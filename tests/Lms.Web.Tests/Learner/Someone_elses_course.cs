using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Learner;

public sealed class Someone_elses_course(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Is_not_found_for_a_colleague_in_the_same_class() => Browser.RunAsync(async page =>
    {
        var classroom = await Classroom.RegisterAsync(Api, employees: 2, beginInDays: 0);
        var owner = classroom.Employees[0];
        var enrollmentId = await LearningClass.EnrollmentOfAsync(owner);
        var outline = await Eventually.GetAsync(() => owner.SucceedAsync(HttpMethod.Get, $"/student/v1/enrollments/{enrollmentId}"),
            found => found.GetProperty("chapters").GetArrayLength() > 0, TimeSpan.FromSeconds(30), "the enrollment shows the course outline");
        var itemId = outline.GetProperty("chapters")[0].GetProperty("items")[0].GetProperty("id").GetGuid();

        await AppPages.SignInAsync(page, classroom.Employees[1].Email, Person.DefaultPassword);
        await Expect(AppPages.Heading(page, "내 강의실")).ToBeVisibleAsync();
        await page.GotoAsync($"courses/{enrollmentId}");
        await Expect(AppPages.Heading(page, "찾을 수 없음")).ToBeVisibleAsync();
        await page.GotoAsync($"courses/{enrollmentId}/items/{itemId}");
        await Expect(AppPages.Heading(page, "찾을 수 없음")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Is_no_page_for_the_institution_manager() => Browser.RunAsync(async page =>
    {
        var classroom = await Classroom.RegisterAsync(Api, employees: 1, beginInDays: 0);
        var enrollmentId = await LearningClass.EnrollmentOfAsync(classroom.Employees[0]);

        await AppPages.SignInAsync(page, classroom.Manager.Email, Person.DefaultPassword);
        await page.GotoAsync("courses");
        await Expect(AppPages.Heading(page, "권한 없음")).ToBeVisibleAsync();
        await page.GotoAsync($"courses/{enrollmentId}");
        await Expect(AppPages.Heading(page, "권한 없음")).ToBeVisibleAsync();
    });
}
