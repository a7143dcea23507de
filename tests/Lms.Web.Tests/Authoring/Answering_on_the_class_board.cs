using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Lms.Web.Tests.Learner;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Authoring;

public sealed class Answering_on_the_class_board(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_manager_answers_a_question_and_pins_a_notice_and_the_learner_sees_both() => Browser.RunAsync(async page =>
    {
        var classroom = await Classroom.RegisterAsync(Api, employees: 1, beginInDays: 0);
        var learner = classroom.Employees[0];
        var enrollmentId = await ExamClassroom.EnrollmentOfAsync(learner);
        var posts = $"/board/v1/course-provides/{classroom.ProvisionId}/posts";
        await learner.SucceedAsync(HttpMethod.Post, posts, new { type = "QUESTION", title = "보안 교육 자료는 어디 있나요?", body = "슬라이드를 찾고 있습니다." });

        await AppPages.SignInAsync(page, classroom.Manager.Email, Person.DefaultPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "과정 게시판" }).ClickAsync();
        await Expect(AppPages.Heading(page, "과정 게시판")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the institution's boards");
        await page.GetByRole(AriaRole.Link, new() { Name = $"{classroom.CourseTitle} · 종단회사", Exact = false }).ClickAsync();
        var boardTitle = $"{classroom.CourseTitle} · 종단회사";
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(boardTitle);
        await Expect(page.GetByText("아직 공지사항이 없습니다.", new() { Exact = false })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a class board for its manager");

        await page.GetByRole(AriaRole.Tab, new() { Name = "질문과 답변" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "질문하기" })).Not.ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "보안 교육 자료는 어디 있나요?" });
        await Expect(row).ToContainTextAsync("답변 대기");
        await row.GetByRole(AriaRole.Link, new() { Name = "보안 교육 자료는 어디 있나요?" }).ClickAsync();
        await Expect(AppPages.Heading(page, "보안 교육 자료는 어디 있나요?")).ToBeVisibleAsync();
        await Expect(page.GetByText("관리자가 댓글을 달면 이 질문은 수강생에게", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("댓글 내용").FillAsync("강의실 **자료** 탭에 올려 두었습니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "댓글 등록" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "탭에 올려 두었습니다." })).ToContainTextAsync("교육기관");
        await Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("답변 완료");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a question its manager answered");

        await page.GetByRole(AriaRole.Link, new() { Name = "게시판 목록으로" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "공지사항" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "공지 쓰기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "공지 쓰기")).ToBeVisibleAsync();
        await page.GetByLabel("제목").FillAsync("다음 주 실습 안내");
        await page.GetByLabel("내용").FillAsync("실습은 **월요일**에 합니다.");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "목록 위에 고정" }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "writing a notice");
        await page.GetByRole(AriaRole.Button, new() { Name = "공지 올리기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "다음 주 실습 안내")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Article)).ToContainTextAsync("고정");

        // The learner, in a browser of their own, finds the question answered and the notice pinned.
        var learnerContext = await Browser.NewContextAsync(Viewport.Phone);
        try
        {
            var learnerPage = await learnerContext.NewPageAsync();
            await AppPages.SignInAsync(learnerPage, learner.Email, Person.DefaultPassword);
            await learnerPage.GotoAsync($"courses/{enrollmentId}/board");
            await Expect(learnerPage.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "다음 주 실습 안내" })).ToContainTextAsync("고정");
            await learnerPage.GetByRole(AriaRole.Tab, new() { Name = "질문과 답변" }).ClickAsync();
            await Expect(learnerPage.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "보안 교육 자료는 어디 있나요?" })).ToContainTextAsync("답변 완료");
        }
        finally
        {
            await learnerContext.DisposeAsync();
        }
    });
}
