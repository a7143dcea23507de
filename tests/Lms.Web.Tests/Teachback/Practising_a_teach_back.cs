using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Teachback;

/// <summary>A learner explains a topic of their course aloud through the fake microphone, and in writing on a phone.</summary>
public sealed partial class Practising_a_teach_back(Chromium browser, MicrophoneChromium microphone) : BrowserTest(browser), IClassFixture<MicrophoneChromium>
{
    /// <summary>The first sentence of each final status's message on the result page.</summary>
    private static readonly Dictionary<string, string> FinalMessages = new()
    {
        ["채점 완료"] = "채점을 마쳤습니다.",
        ["말소리 없음"] = "녹음에서 말소리를 찾지 못했습니다.",
        ["채점 실패"] = "설명을 채점하지 못했습니다.",
        ["시간 초과"] = "채점이 제한 시간 안에 끝나지 않았습니다.",
    };

    [Fact]
    public Task A_recording_from_the_microphone_is_uploaded_as_webm_and_reaches_a_final_status_in_words() => microphone.RunAsync(async page =>
    {
        var lesson = await TeachbackClass.RegisterAsync(Api);
        await AppPages.SignInAsync(page, lesson.Learner.Email, Person.DefaultPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "설명하며 배우기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "설명하며 배우기")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = lesson.Classroom.CourseTitle })).ToBeVisibleAsync();
        await Expect(page.GetByText(TeachbackClass.Prompt)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "topic list");

        await page.GetByRole(AriaRole.Link, new() { Name = $"연습하기: {TeachbackClass.TopicTitle}" }).ClickAsync();
        await Expect(AppPages.Heading(page, TeachbackClass.TopicTitle)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "녹음 시작" }).ClickAsync();
        await Expect(page.GetByText("녹음 중", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "녹음을 시작했습니다." })).ToBeAttachedAsync();
        // The tone reaches the meter; the timer runs.
        var meter = page.GetByRole(AriaRole.Meter, new() { Name = "마이크 입력 음량" });
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[role=meter]')?.getAttribute('aria-valuenow')) > 5");
        await Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync(new Regex(@"0:0[1-9] / 최대 9:59"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, "recorder, recording");

        await page.GetByRole(AriaRole.Button, new() { Name = "일시 정지" }).ClickAsync();
        await Expect(page.GetByText("일시 정지됨", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(meter).ToHaveAttributeAsync("aria-valuenow", "0");
        await page.GetByRole(AriaRole.Button, new() { Name = "이어서 녹음" }).ClickAsync();
        await Expect(page.GetByText("녹음 중", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync(new Regex(@"0:0[3-9] / "), new() { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "녹음 끝내기" }).ClickAsync();

        // Listen back before sending; focus moved to the review, which the live region announced.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "녹음 확인" })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "녹음을 마쳤습니다." })).ToBeAttachedAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('audio')?.readyState >= 1");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "recorder, review");

        // The upload is typed by the container the recorder wrote, and the content service measured it as audio.
        var put = page.WaitForRequestAsync(request => request.Method == "PUT");
        var completed = page.WaitForResponseAsync(response => response.Request.Method == "POST" && response.Url.EndsWith("/complete", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "이 녹음 보내기" }).ClickAsync();
        Assert.Equal("audio/webm", (await put).Headers["content-type"]);
        var file = await (await completed).JsonAsync();
        Assert.Equal("audio/webm", file!.Value.GetProperty("contentType").GetString());
        Assert.EndsWith(".webm", file.Value.GetProperty("fileName").GetString(), StringComparison.Ordinal);
        Assert.InRange(file.Value.GetProperty("durationSeconds").GetInt32(), 3, 30);

        await Expect(page).ToHaveURLAsync(SubmissionPath(), new() { Timeout = 60_000 });
        await Expect(AppPages.Heading(page, "설명 결과")).ToBeVisibleAsync();
        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex(string.Join('|', FinalMessages.Values.Select(Regex.Escape))) });
        await Expect(status).ToBeVisibleAsync(new() { Timeout = 90_000 });

        // What the page says is what the service decided, with its message.
        var id = Guid.Parse(SubmissionPath().Match(page.Url).Groups["id"].Value);
        var result = await lesson.SubmissionAsync(id);
        var (badge, message) = Words(result.GetProperty("status").GetString()!);
        await Expect(status).ToContainTextAsync(badge);
        await Expect(status).ToContainTextAsync(message);
        if (result.GetProperty("status").GetString() == "SUCCEEDED")
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "피드백" })).ToBeVisibleAsync();
        }
        else
        {
            // Locally no speech-to-text is configured: the reason is put in words, not shown as the service's English.
            await Expect(status).ToContainTextAsync("사유:");
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("reason").GetString()));
        }
        await Accessibility.AssertNoSeriousViolationsAsync(page, "result of a recording");
    });

    [Fact]
    public Task A_typed_explanation_is_scored_with_feedback_rated_once_and_listed_on_a_phone() => Browser.RunAsync(async page =>
    {
        var lesson = await TeachbackClass.RegisterAsync(Api);
        await AppPages.SignInAsync(page, lesson.Learner.Email, Person.DefaultPassword);
        await page.GotoAsync("teachback");
        await Expect(page.GetByText(TeachbackClass.Prompt)).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "topic list on a phone");

        await page.GetByRole(AriaRole.Link, new() { Name = $"연습하기: {TeachbackClass.TopicTitle}" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "글로 설명하기" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "제출하기" }).ClickAsync();
        await Expect(page.GetByText("설명을 입력해 주세요.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "설명", Exact = true }).FillAsync(TeachbackClass.GoodExplanation);
        await page.GetByRole(AriaRole.Button, new() { Name = "제출하기" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SubmissionPath());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "채점을 마쳤습니다." })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var id = Guid.Parse(SubmissionPath().Match(page.Url).Groups["id"].Value);
        var result = await lesson.SubmissionAsync(id);
        Assert.Equal("SUCCEEDED", result.GetProperty("status").GetString());
        var score = result.GetProperty("score").GetInt32();
        Assert.InRange(score, 60, 100);
        var feedback = page.GetByRole(AriaRole.Region, new() { Name = "피드백", Exact = true });
        await Expect(feedback).ToContainTextAsync($"{score}점");
        await Expect(feedback.GetByRole(AriaRole.Heading, new() { Name = "잘한 점" })).ToBeVisibleAsync();
        await Expect(feedback.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "내 설명", Exact = true })).ToContainTextAsync(TeachbackClass.GoodExplanation);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the result is wider than the phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "result with feedback on a phone");

        // By keyboard: the stars are radios in a named group.
        await page.GetByRole(AriaRole.Radio, new() { Name = "별 4개" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "별 4개" })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "평가 보내기" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("평가해 주셔서 감사합니다. 별 4개를 주셨습니다.")).ToBeVisibleAsync();
        Assert.Equal(4, (await lesson.SubmissionAsync(id)).GetProperty("helpfulnessStars").GetInt32());
        await page.ReloadAsync();
        await Expect(page.GetByText("평가해 주셔서 감사합니다. 별 4개를 주셨습니다.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "평가 보내기" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "내 제출 기록" }).ClickAsync();
        await Expect(AppPages.Heading(page, "내 제출 기록")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = TeachbackClass.TopicTitle });
        await Expect(row).ToContainTextAsync("채점 완료");
        await Expect(row).ToContainTextAsync($"{score}점");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "my submissions on a phone");

        // One scored explanation is not yet a place in the course's ranking (three are needed); the page says so.
        await page.GetByRole(AriaRole.Link, new() { Name = "순위" }).ClickAsync();
        await page.GetByLabel("순위 범위").SelectOptionAsync(new SelectOptionValue { Label = lesson.Classroom.CourseTitle });
        await Expect(page.GetByText("순위에 오르려면 최근 30일 동안 채점된 설명이 3개 이상 있어야 합니다. 지금 1개입니다.")).ToBeVisibleAsync();

        // Two more, and the learner is ranked: their own row by name, marked as theirs.
        for (var i = 0; i < 2; i++)
        {
            await lesson.ScoredAsync(TeachbackClass.GoodExplanation);
        }
        await page.ReloadAsync();
        await Expect(page.GetByText("내 순위: 1명 중 1위")).ToBeVisibleAsync();
        var mine = page.GetByRole(AriaRole.Table, new() { Name = "순위표" }).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText("나", new() { Exact = true }) });
        await Expect(mine).ToContainTextAsync("사원0");
        await Expect(mine).ToContainTextAsync("3");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "ranking on a phone");
    }, Viewport.Phone);

    [Fact]
    public Task A_ranking_that_is_not_mine_to_read_is_refused_in_words() => Browser.RunAsync(async page =>
    {
        var visitor = await Person.JoinAsync(Api, $"tb.{Guid.NewGuid():N}"[..20] + "@example.com", "방문자");
        await AppPages.SignInAsync(page, visitor.Email, Person.DefaultPassword);
        await page.GotoAsync("teachback/ranking");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("수강 중인 과정이 있어야 순위를 볼 수 있습니다.");
        await page.GotoAsync($"teachback/ranking?courseId={Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("이 과정의 순위는 수강 중인 학습자만 볼 수 있습니다.");
        await Expect(page.GetByLabel("순위 범위")).ToBeEnabledAsync();
    });

    private static (string Badge, string Message) Words(string status) => status switch
    {
        "SUCCEEDED" => ("채점 완료", FinalMessages["채점 완료"]),
        "NO_SPEECH" => ("말소리 없음", FinalMessages["말소리 없음"]),
        "FAILED" => ("채점 실패", FinalMessages["채점 실패"]),
        "TIMED_OUT" => ("시간 초과", FinalMessages["시간 초과"]),
        _ => throw new InvalidOperationException($"{status} is not a final status."),
    };

    [GeneratedRegex("/app/teachback/submissions/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex SubmissionPath();
}
