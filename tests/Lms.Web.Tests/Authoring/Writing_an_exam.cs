using System.Text.Json;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Authoring;

public sealed class Writing_an_exam(Chromium browser) : BrowserTest(browser)
{
    private static readonly string[] ShortAnswers = ["답"];

    [Fact]
    public Task A_manager_writes_a_question_of_every_kind_fixes_what_the_rules_refuse_and_publishes() => Browser.RunAsync(async page =>
    {
        var institution = await AuthoringInstitution.CreateAsync(Api);
        await AppPages.SignInAsync(page, institution.Manager.Email, Person.DefaultPassword);
        await page.GotoAsync($"inst/courses/{institution.CourseId}/exams");
        await Expect(AppPages.Heading(page, $"시험 — {institution.CourseTitle}")).ToBeVisibleAsync();
        await Expect(page.GetByText("아직 시험이 없습니다.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a course's exams");

        await page.GetByRole(AriaRole.Link, new() { Name = "새 시험 만들기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "새 시험")).ToBeVisibleAsync();
        await page.GetByLabel("시험 제목").FillAsync("보안 수료 평가");
        await page.GetByLabel("제한 시간(분)").FillAsync("15");

        await page.GetByRole(AriaRole.Button, new() { Name = "단일 선택 문제 추가" }).ClickAsync();
        var single = page.GetByRole(AriaRole.Group, new() { Name = "문제 1 · 단일 선택" });
        await single.GetByLabel("문제 내용").FillAsync("의심스러운 첨부 파일을 받으면?");
        await single.GetByRole(AriaRole.Textbox, new() { Name = "보기 1", Exact = true }).FillAsync("열지 않고 보안팀에 알린다");
        await single.GetByRole(AriaRole.Textbox, new() { Name = "보기 2", Exact = true }).FillAsync("열어서 확인한다");
        await single.GetByLabel("해설").FillAsync("첨부 파일은 열기 전에 알려야 합니다.");

        await page.GetByRole(AriaRole.Button, new() { Name = "복수 선택 문제 추가" }).ClickAsync();
        var multiple = page.GetByRole(AriaRole.Group, new() { Name = "문제 2 · 복수 선택" });
        await multiple.GetByLabel("문제 내용").FillAsync("강한 비밀번호의 조건을 모두 고르세요.");
        await multiple.GetByRole(AriaRole.Textbox, new() { Name = "보기 1", Exact = true }).FillAsync("12자 이상");
        await multiple.GetByRole(AriaRole.Textbox, new() { Name = "보기 2", Exact = true }).FillAsync("여러 종류의 문자");
        await multiple.GetByRole(AriaRole.Button, new() { Name = "보기 추가" }).ClickAsync();
        await multiple.GetByRole(AriaRole.Textbox, new() { Name = "보기 3", Exact = true }).FillAsync("생일");
        await multiple.GetByRole(AriaRole.Checkbox, new() { Name = "보기 1을(를) 정답으로" }).CheckAsync();
        await multiple.GetByRole(AriaRole.Checkbox, new() { Name = "보기 2을(를) 정답으로" }).CheckAsync();
        await multiple.GetByLabel("배점(1~100)").FillAsync("20");

        await page.GetByRole(AriaRole.Button, new() { Name = "단답형 문제 추가" }).ClickAsync();
        var shortAnswer = page.GetByRole(AriaRole.Group, new() { Name = "문제 3 · 단답형" });
        await shortAnswer.GetByLabel("문제 내용").FillAsync("두 단계로 로그인을 확인하는 방식을 줄여 무엇이라 하나요?");
        await shortAnswer.GetByRole(AriaRole.Textbox, new() { Name = "정답 1", Exact = true }).FillAsync("2FA");
        await shortAnswer.GetByRole(AriaRole.Button, new() { Name = "정답 추가" }).ClickAsync();
        await shortAnswer.GetByRole(AriaRole.Textbox, new() { Name = "정답 2", Exact = true }).FillAsync("이중 인증");

        await page.GetByLabel("응시 시작 시각").FillAsync("2026-12-01T09:00");
        await page.GetByLabel("응시 마감 시각").FillAsync("2026-12-31T18:00");
        await page.GetByRole(AriaRole.Radio, new() { Name = "제출 후 (더 응시할 수 없을 때)" }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "writing a new exam");

        // The single choice has no correct option yet: the rule speaks next to its options, and nothing is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "시험 만들기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "표시된 1곳을 확인해 주세요." })).ToBeVisibleAsync();
        await Expect(single.GetByText("단일 선택 문제는 정답 보기가 정확히 하나여야 합니다.")).ToBeVisibleAsync();
        await Expect(AppPages.Heading(page, "새 시험")).ToBeVisibleAsync();

        await single.GetByRole(AriaRole.Radio, new() { Name = "보기 1을(를) 정답으로" }).CheckAsync();
        await Expect(single.GetByText("단일 선택 문제는 정답 보기가 정확히 하나여야 합니다.")).Not.ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "시험 만들기" }).ClickAsync();

        await Expect(AppPages.Heading(page, "보안 수료 평가")).ToBeVisibleAsync();
        await Expect(page.GetByText("상태: 작성 중 · 총점 40점 · 문제 3개")).ToBeVisibleAsync();
        var examId = Guid.Parse(page.Url.Split('/')[^1].Split('?')[0]);
        var saved = await institution.Manager.SucceedAsync(HttpMethod.Get, $"/institution/v1/exams/{examId}");
        Assert.Equal("AFTER_SUBMISSION", saved.GetProperty("answerKeyReveal").GetString());
        Assert.Equal(15, saved.GetProperty("timeLimitMinutes").GetInt32());
        // Entered in Korea time: 09:00 on the 1st is midnight UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), saved.GetProperty("opensAt").GetDateTimeOffset());
        var questions = saved.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["SINGLE", "MULTIPLE", "SHORT"], questions.Select(q => q.GetProperty("kind").GetString()));
        Assert.Equal([true, false], questions[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("correct").GetBoolean()));
        Assert.Equal([true, true, false], questions[1].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("correct").GetBoolean()));
        Assert.Equal(["2FA", "이중 인증"], questions[2].GetProperty("answers").EnumerateArray().Select(a => a.GetString()));
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a draft exam");

        await page.GetByRole(AriaRole.Button, new() { Name = "게시하기" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "이 시험을 게시할까요?" });
        await Expect(confirm).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "asking before publishing");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "게시하기" }).ClickAsync();
        await Expect(page.GetByText("상태: 게시됨 · 총점 40점 · 문제 3개")).ToBeVisibleAsync();
        await Expect(page.GetByText("게시된 시험입니다.", new() { Exact = false })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "응시 현황" }).ClickAsync();
        await Expect(page.GetByText("아직 응시한 학습자가 없습니다.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "an exam's attempts");

        await page.GetByRole(AriaRole.Link, new() { Name = "시험 목록으로" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "보안 수료 평가" });
        await Expect(row).ToContainTextAsync("게시됨");
        await Expect(row).ToContainTextAsync("최종평가");
    });

    [Fact]
    public Task Questions_are_reordered_and_edited_with_the_keyboard_alone_and_a_stale_save_says_so() => Browser.RunAsync(async page =>
    {
        var institution = await AuthoringInstitution.CreateAsync(Api);
        var exam = await institution.Manager.SucceedAsync(HttpMethod.Post, $"/institution/v1/courses/{institution.CourseId}/exams", new
        {
            title = "키보드 평가", timeLimitMinutes = 10, passScore = 60, attemptsAllowed = 1,
            questions = new object[]
            {
                new { id = (Guid?)null, kind = "SINGLE", text = "첫째 문제", points = 10,
                    options = new[] { new { id = (Guid?)null, text = "가", correct = true }, new { id = (Guid?)null, text = "나", correct = false } } },
                new { id = (Guid?)null, kind = "SHORT", text = "둘째 문제", points = 10, answers = ShortAnswers },
            },
        });
        var examId = exam.GetProperty("id").GetGuid();
        await AppPages.SignInAsync(page, institution.Manager.Email, Person.DefaultPassword);
        await page.GotoAsync($"inst/exams/{examId}");
        await Expect(AppPages.Heading(page, "키보드 평가")).ToBeVisibleAsync();

        // From here on only keys: the second question moves up, the focus stays on it, its points change, Enter saves.
        await page.GetByRole(AriaRole.Button, new() { Name = "문제 2을(를) 위로" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "문제 1 · 단답형" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "문제를 1번째로 옮겼습니다." })).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "문제 1을(를) 아래로" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "문제 1 · 단답형" }).GetByLabel("배점(1~100)")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("25");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "문제 1 · 단답형" }).GetByLabel("문제 내용")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" (고침)");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "문제 1 · 단답형" }).GetByLabel("배점(1~100)")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("시험을 저장했습니다.")).ToBeVisibleAsync();

        var saved = await institution.Manager.SucceedAsync(HttpMethod.Get, $"/institution/v1/exams/{examId}");
        var questions = saved.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["둘째 문제 (고침)", "첫째 문제"], questions.Select(q => q.GetProperty("text").GetString()));
        Assert.Equal(25, questions[0].GetProperty("points").GetInt32());
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "문제 1 · 단답형" }).GetByLabel("문제 내용")).ToHaveValueAsync("둘째 문제 (고침)");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "an exam being edited");

        // Another manager saves meanwhile: this page's save is refused in words, and the newer exam can be loaded.
        await ReplaceTitleAsync(institution.Manager, examId, saved, "다른 관리자가 고친 평가");
        await page.GetByLabel("시험 제목").FillAsync("늦게 고친 평가");
        await page.GetByRole(AriaRole.Button, new() { Name = "변경 저장" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "다른 관리자가 먼저 저장했습니다." })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "최신 내용 불러오기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "다른 관리자가 고친 평가")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("시험 제목")).ToHaveValueAsync("다른 관리자가 고친 평가");
    });

    private static async Task ReplaceTitleAsync(Person manager, Guid examId, JsonElement exam, string title)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(exam.GetRawText())!;
        body["title"] = JsonSerializer.SerializeToElement(title);
        await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/exams/{examId}", body);
    }
}
