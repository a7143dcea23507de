using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Learner;

/// <summary>My courses, the course room and the player, checked by axe on a laptop and on a phone.</summary>
public sealed class The_learners_pages(Chromium browser) : BrowserTest(browser)
{
    public static TheoryData<string> Sizes => ["laptop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task Have_no_serious_accessibility_violations(string size) => Browser.RunAsync(async page =>
    {
        var lesson = await LearningClass.RegisterAsync(Api);
        await AppPages.SignInAsync(page, lesson.Classroom.Employees[0].Email, Person.DefaultPassword);
        await Expect(AppPages.Heading(page, "내 강의실")).ToBeVisibleAsync();
        // An empty bar has no width to be seen; it is there, named with its value.
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "과정 진도율 0%" })).ToBeAttachedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "my courses");

        await page.GetByRole(AriaRole.Link, new() { Name = lesson.Classroom.CourseTitle }).ClickAsync();
        await Expect(AppPages.Heading(page, lesson.Classroom.CourseTitle)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = LearningClass.ChapterTitle })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "course room, outline");
        await page.GetByRole(AriaRole.Tab, new() { Name = "시험" }).ClickAsync();
        await Expect(page.GetByText("이 과정에는 시험이 없습니다.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "course room, exams");
        await page.GetByRole(AriaRole.Tab, new() { Name = "실시간 강의" }).ClickAsync();
        await Expect(page.GetByText("예정된 실시간 강의가 없습니다.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "course room, live classes");

        await page.GetByRole(AriaRole.Tab, new() { Name = "목차" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = LearningClass.VideoTitle }).ClickAsync();
        await Expect(AppPages.Heading(page, LearningClass.VideoTitle)).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('video:not([inert])')?.readyState >= 1");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "player");
    }, size == "phone" ? Viewport.Phone : Viewport.Laptop, $"{nameof(Have_no_serious_accessibility_violations)}-{size}");
}
