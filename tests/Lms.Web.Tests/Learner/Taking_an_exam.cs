using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Learner;

public sealed partial class Taking_an_exam(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Keeps_the_answers_across_a_reload_and_grades_them_on_a_phone_by_keyboard() => Browser.RunAsync(async page =>
    {
        var exam = await ExamClassroom.OpenAsync(Api);
        await AppPages.SignInAsync(page, exam.Learner.Email, Person.DefaultPassword);
        await page.GotoAsync($"courses/{exam.EnrollmentId}/exams/{exam.ExamId}");
        await Expect(AppPages.Heading(page, ExamClassroom.ExamTitle)).ToBeVisibleAsync();
        await Expect(page.GetByText("0회 응시 / 1회 가능 (남은 횟수 1회)")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the exam's overview");

        await page.GetByRole(AriaRole.Button, new() { Name = "응시 시작" }).ClickAsync();
        var start = page.GetByRole(AriaRole.Dialog, new() { Name = "응시를 시작할까요?" });
        await Expect(start).ToContainTextAsync("제한 시간 20분");
        await TransitionsEndedAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the start confirmation");
        await start.GetByRole(AriaRole.Button, new() { Name = "시작하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1회차 응시" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(AttemptInAddress());
        await Expect(page.GetByRole(AriaRole.Timer)).ToHaveTextAsync(Clock());

        // Keyboard only: arrows move within a question's radios, Space ticks a checkbox, typing fills the text box.
        var single = page.GetByRole(AriaRole.Group, new() { Name = ExamClassroom.SingleQuestion });
        await single.GetByRole(AriaRole.Radio, new() { Name = ExamClassroom.SingleWrong }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(single.GetByRole(AriaRole.Radio, new() { Name = ExamClassroom.SingleRight })).ToBeCheckedAsync();
        var multiple = page.GetByRole(AriaRole.Group, new() { Name = ExamClassroom.MultipleQuestion });
        foreach (var option in ExamClassroom.MultipleRight)
        {
            await multiple.GetByRole(AriaRole.Checkbox, new() { Name = option }).FocusAsync();
            await page.Keyboard.PressAsync("Space");
        }
        await Expect(page.GetByText("모든 답안을 저장했습니다.")).ToBeVisibleAsync();

        // The last answer is still waiting for its pause when the page reloads: the tab kept it and sends it again.
        var text = page.GetByLabel("문제 3의 답");
        await text.FocusAsync();
        await page.Keyboard.TypeAsync(ExamClassroom.ShortRight);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1회차 응시" })).ToBeVisibleAsync();
        await Expect(single.GetByRole(AriaRole.Radio, new() { Name = ExamClassroom.SingleRight })).ToBeCheckedAsync();
        foreach (var option in ExamClassroom.MultipleRight)
        {
            await Expect(multiple.GetByRole(AriaRole.Checkbox, new() { Name = option })).ToBeCheckedAsync();
        }
        await Expect(multiple.GetByRole(AriaRole.Checkbox, new() { Name = ExamClassroom.MultipleWrong })).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("문제 3의 답")).ToHaveValueAsync(ExamClassroom.ShortRight);
        await Expect(page.GetByText("모든 답안을 저장했습니다.")).ToBeVisibleAsync();
        var attemptId = AttemptInAddress().Match(page.Url).Groups[1].Value;
        var saved = await exam.Learner.SucceedAsync(HttpMethod.Get, $"/student/v1/attempts/{attemptId}");
        Assert.Contains(saved.GetProperty("answers").EnumerateArray(), a => a.GetProperty("text").GetString() == ExamClassroom.ShortRight);
        await Expect(page.GetByText("3문항 중 3문항 답함")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "an attempt being taken");

        await page.GetByRole(AriaRole.Button, new() { Name = "답안 제출" }).ClickAsync();
        var submit = page.GetByRole(AriaRole.Dialog, new() { Name = "답안을 제출할까요?" });
        await Expect(submit).ToContainTextAsync("모든 문항에 답했습니다.");
        await submit.GetByRole(AriaRole.Button, new() { Name = "제출하기" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1회차 응시 결과" })).ToBeVisibleAsync();
        await Expect(page.GetByText("100점", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("합격", new() { Exact = true }).First).ToBeVisibleAsync();
        // The one attempt is used, so AFTER_SUBMISSION reveals the keys and explanations with the result.
        await Expect(page.GetByText(ExamClassroom.Explanation)).ToBeVisibleAsync();
        await Expect(page.GetByText("인정되는 답: CPO")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a graded attempt");

        await page.GetByRole(AriaRole.Link, new() { Name = "시험 안내로 돌아가기" }).ClickAsync();
        await Expect(page.GetByText("반영 점수 100점")).ToBeVisibleAsync();
        await Expect(page.GetByText("응시 횟수를 모두 사용했습니다.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "응시 시작" })).ToBeDisabledAsync();
    }, Viewport.Phone);

    [Fact]
    public Task Resumes_an_attempt_from_the_overview_and_holds_the_keys_back_while_the_rule_says_so() => Browser.RunAsync(async page =>
    {
        var exam = await ExamClassroom.OpenAsync(Api, answerKeyReveal: "AFTER_CLOSE", attemptsAllowed: 2);
        await AppPages.SignInAsync(page, exam.Learner.Email, Person.DefaultPassword);
        await page.GotoAsync($"courses/{exam.EnrollmentId}/exams/{exam.ExamId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "응시 시작" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "시작하기" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = ExamClassroom.SingleWrong }).CheckAsync();
        await Expect(page.GetByText("모든 답안을 저장했습니다.")).ToBeVisibleAsync();

        // Leaving the attempt and coming back to it from the overview shows the answer saved meanwhile.
        await page.GetByRole(AriaRole.Link, new() { Name = "시험 안내로 돌아가기" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "이어서 응시" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = ExamClassroom.SingleWrong })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "답안 제출" }).ClickAsync();
        var submit = page.GetByRole(AriaRole.Dialog, new() { Name = "답안을 제출할까요?" });
        await Expect(submit).ToContainTextAsync("답하지 않은 문항이 2개 있습니다.");
        await submit.GetByRole(AriaRole.Button, new() { Name = "제출하기" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1회차 응시 결과" })).ToBeVisibleAsync();
        await Expect(page.GetByText("0점", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("불합격", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("이 시험은 마감 시각이 없어 정답과 해설이 공개되지 않습니다.")).ToBeVisibleAsync();
        await Expect(page.GetByText(ExamClassroom.Explanation)).Not.ToBeVisibleAsync();

        // The result is found again from the overview, and another attempt can start.
        await page.GetByRole(AriaRole.Link, new() { Name = "시험 안내로 돌아가기" }).ClickAsync();
        await Expect(page.GetByText("1회 응시 / 2회 가능 (남은 횟수 1회)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "1회차 응시 결과" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1회차 응시 결과" })).ToBeVisibleAsync();
    });

    /// <summary>A dialog fades in: axe measuring contrast halfway through would see pale text that is not there.</summary>
    private static async Task TransitionsEndedAsync(IPage page) => await page.EvaluateAsync(
        "() => Promise.all(document.getAnimations().filter(a => a.effect?.getTiming().iterations !== Infinity).map(a => a.finished))");

    [GeneratedRegex(@"[?&]attempt=([0-9a-f-]{36})")]
    private static partial Regex AttemptInAddress();

    [GeneratedRegex(@"^\d{2}:\d{2}$")]
    private static partial Regex Clock();
}
