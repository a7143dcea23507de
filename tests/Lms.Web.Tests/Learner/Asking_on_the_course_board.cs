using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Learner;

public sealed class Asking_on_the_course_board(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_question_answered_by_a_manager_shows_answered_and_its_author_deletes_it_after_confirming() => Browser.RunAsync(async page =>
    {
        var classroom = await Classroom.RegisterAsync(Api, employees: 1, beginInDays: 0);
        var learner = classroom.Employees[0];
        var enrollmentId = await ExamClassroom.EnrollmentOfAsync(learner);
        var posts = $"/board/v1/course-provides/{classroom.ProvisionId}/posts";
        // The board learns of the enrollment by events; the manager's notice waits until the class is there.
        await learner.SucceedAsync(HttpMethod.Get, posts);
        await classroom.Manager.SucceedAsync(HttpMethod.Post, posts, new { type = "NOTICE", title = "첫 주 안내", body = "# 일정\n- 월요일 시작", pinned = true });

        await AppPages.SignInAsync(page, learner.Email, Person.DefaultPassword);
        await page.GotoAsync($"courses/{enrollmentId}/board");
        await Expect(AppPages.Heading(page, $"{classroom.CourseTitle} 게시판")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "첫 주 안내" })).ToContainTextAsync("고정");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the board's notices");

        await page.GetByRole(AriaRole.Tab, new() { Name = "질문과 답변" }).ClickAsync();
        await Expect(page.GetByText("아직 질문이 없습니다.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "질문하기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "질문하기")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "asking a question");

        // The title typed through a Korean IME: Enter that commits the last syllable does not send the question.
        var title = page.GetByLabel("제목");
        await title.FocusAsync();
        var ime = await page.Context.NewCDPSessionAsync(page);
        await ime.SendAsync("Input.insertText", new() { ["text"] = "유출 신고 대" });
        await ime.SendAsync("Input.imeSetComposition", new() { ["text"] = "사", ["selectionStart"] = 1, ["selectionEnd"] = 1 });
        await ime.SendAsync("Input.imeSetComposition", new() { ["text"] = "상", ["selectionStart"] = 1, ["selectionEnd"] = 1 });
        await ime.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "keyDown", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229, ["text"] = "\r" });
        await ime.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "keyUp", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229 });
        await ime.SendAsync("Input.insertText", new() { ["text"] = "상" });
        await Expect(title).ToHaveValueAsync("유출 신고 대상");
        await Expect(page.GetByText("내용을 입력해 주세요.")).Not.ToBeVisibleAsync();
        await Expect(AppPages.Heading(page, "질문하기")).ToBeVisibleAsync();

        await page.GetByLabel("내용").FillAsync("**고객 정보**가 든 메일을 잘못 보냈다면 신고 대상인가요?\n\n<script>window.hacked = true</script>\n\n[규정](https://example.com/rule)");
        await page.GetByRole(AriaRole.Button, new() { Name = "질문 올리기" }).ClickAsync();

        var question = AppPages.Heading(page, "유출 신고 대상");
        await Expect(question).ToBeVisibleAsync();
        var post = page.GetByRole(AriaRole.Article, new() { Name = "유출 신고 대상" });
        await Expect(post).ToContainTextAsync("답변 대기");
        await Expect(post.Locator("strong")).ToHaveTextAsync("고객 정보");
        await Expect(post).ToContainTextAsync("<script>window.hacked = true</script>");
        Assert.False(await page.EvaluateAsync<bool>("() => window.hacked === true"));
        var link = post.GetByRole(AriaRole.Link, new() { Name = "규정" });
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a question");

        await page.GetByLabel("댓글 내용").FillAsync("저도 궁금합니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "댓글 등록" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "저도 궁금합니다." })).ToBeVisibleAsync();

        // A manager answers through the API; the board, not the page, says the question is answered.
        var postId = page.Url.Split('/')[^1];
        await classroom.Manager.SucceedAsync(HttpMethod.Post, $"/board/v1/posts/{postId}/comments", new { body = "네, **즉시** 보호책임자에게 알려 주세요." });
        await page.ReloadAsync();
        await Expect(post).ToContainTextAsync("답변 완료");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "보호책임자에게 알려 주세요." })).ToContainTextAsync("교육기관");

        await page.GetByRole(AriaRole.Link, new() { Name = "게시판 목록으로" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "유출 신고 대상" });
        await Expect(row).ToContainTextAsync("답변 완료");
        await Expect(row).ToContainTextAsync("댓글 2");
        await Expect(row).ToContainTextAsync("조회 1");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the board's questions");

        await row.GetByRole(AriaRole.Link, new() { Name = "유출 신고 대상" }).ClickAsync();
        await post.GetByRole(AriaRole.Button, new() { Name = "삭제" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "이 글을 삭제할까요?" });
        await Expect(confirm).ToBeVisibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "취소" }).ClickAsync();
        await Expect(question).ToBeVisibleAsync();
        await post.GetByRole(AriaRole.Button, new() { Name = "삭제" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "삭제" }).ClickAsync();
        await Expect(page.GetByText("아직 질문이 없습니다.")).ToBeVisibleAsync();
    }, Viewport.Phone);
}
