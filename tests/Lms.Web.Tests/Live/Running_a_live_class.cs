using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Live;

public sealed class Running_a_live_class(Chromium browser) : BrowserTest(browser)
{
    // Every WebSocket the page opens, so the test can drop the classroom's connection as a flaky network would (and
    // only that one: the dev server's own socket reloads the page when it drops).
    private const string KeepSockets = """
        (() => {
          const Native = window.WebSocket;
          window.__sockets = [];
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); window.__sockets.push(this); }
          };
        })();
        """;

    private const string DropTheClassroom =
        "() => window.__sockets.filter(socket => socket.url.includes('/live/hubs/')).forEach(socket => socket.close(4000, 'dropped by the test'))";

    private const string Video = "document.querySelector('video')";

    [Fact]
    public Task A_learner_follows_the_stream_chat_and_a_quiz_pushed_by_the_hub_and_rejoins_after_a_dropped_connection() => Browser.RunAsync(async page =>
    {
        var live = await LiveClass.ScheduleAsync(Api, "실시간 특강: 개인정보 사고 대응");
        var sessionReads = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "GET" && request.Url.EndsWith($"/live/v1/sessions/{live.SessionId}", StringComparison.Ordinal)) sessionReads++;
        };
        await page.Context.AddInitScriptAsync(KeepSockets);
        await AppPages.SignInAsync(page, live.Learner.Email, Person.DefaultPassword);
        await page.GotoAsync($"classroom/{live.SessionId}");
        await Expect(AppPages.Heading(page, live.Title)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("session-state")).ToHaveTextAsync("시작 전");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "아직 시작하지 않았습니다" })).ToBeVisibleAsync();
        // Joined: the chat takes messages.
        await Expect(page.GetByText("강의실에 연결되면 메시지를 보낼 수 있습니다.")).ToBeHiddenAsync(new() { Timeout = 30_000 });

        // Nothing polls while waiting: the state will be pushed.
        await page.WaitForTimeoutAsync(3000);
        Assert.Equal(1, sessionReads);

        await using var stream = TestPattern.Publish(live.PublishUrl, seconds: 300);
        await Expect(page.GetByTestId("session-state")).ToHaveTextAsync("방송 중", new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync($"() => {Video}?.currentTime > 0.5", null, new() { Timeout = 30_000 });
        var at = await page.EvaluateAsync<double>($"() => {Video}.currentTime");
        await page.WaitForFunctionAsync($"at => {Video}.currentTime > at + 2", at, new() { Timeout = 15_000 });

        // The lecturer hosts from another browser.
        await using var lecturerContext = await Browser.NewContextAsync();
        var host = await lecturerContext.NewPageAsync();
        try
        {
            await AppPages.SignInAsync(host, live.Lecturer.Email, Person.DefaultPassword);
            await host.GotoAsync($"inst/live/{live.SessionId}/host");
            await Expect(AppPages.Heading(host, live.Title)).ToBeVisibleAsync();
            await Expect(host.GetByTestId("session-state")).ToHaveTextAsync("방송 중");

            // Chat both ways; a message the lecturer deletes disappears from the learner's page.
            var learnerChat = page.GetByRole(AriaRole.Log, new() { Name = "채팅 메시지" });
            var hostChat = host.GetByRole(AriaRole.Log, new() { Name = "채팅 메시지" });
            await Say(page, "안녕하세요, 잘 들립니다");
            await Expect(learnerChat.GetByText("안녕하세요, 잘 들립니다")).ToBeVisibleAsync();
            await Expect(hostChat.GetByText("안녕하세요, 잘 들립니다")).ToBeVisibleAsync();
            await Say(host, "질문은 언제든 남겨 주세요");
            await Expect(learnerChat.GetByText("질문은 언제든 남겨 주세요")).ToBeVisibleAsync();
            await Say(page, "광고 메시지입니다");
            await host.GetByRole(AriaRole.Button, new() { Name = "사원0님의 메시지 삭제: 광고 메시지입니다" }).ClickAsync();
            await Expect(learnerChat.GetByText("광고 메시지입니다")).ToBeHiddenAsync();
            await Expect(hostChat.GetByText("광고 메시지입니다")).ToBeHiddenAsync();
            await Expect(learnerChat.GetByText("안녕하세요, 잘 들립니다")).ToBeVisibleAsync();

            // A quiz prepared and pushed by the lecturer; the learner answers once and sees the reveal and the ranking.
            var question = "개인정보 유출을 알게 되면 가장 먼저 할 일은?";
            await Field(host, "질문").FillAsync(question);
            await Field(host, "1번 보기").FillAsync("모른 척한다");
            await Field(host, "2번 보기").FillAsync("책임자에게 보고한다");
            await host.GetByRole(AriaRole.Button, new() { Name = "보기 추가" }).ClickAsync();
            await Field(host, "3번 보기").FillAsync("SNS에 올린다");
            await host.GetByRole(AriaRole.Radiogroup, new() { Name = "정답" }).GetByLabel("2번").CheckAsync();
            await Field(host, "풀이 (선택)").FillAsync("보고가 먼저입니다.");
            await Field(host, "제한 시간 (초)").FillAsync("90");
            await host.GetByRole(AriaRole.Button, new() { Name = "퀴즈 준비" }).ClickAsync();
            await host.GetByRole(AriaRole.Button, new() { Name = $"퀴즈 보내기: {question}" }).ClickAsync();

            var quiz = page.GetByTestId("quiz");
            await Expect(quiz.GetByText(question)).ToBeVisibleAsync();
            await Expect(quiz.GetByRole(AriaRole.Timer)).ToContainTextAsync("남은 시간");
            await quiz.GetByLabel("2번 책임자에게 보고한다").CheckAsync();
            await quiz.GetByRole(AriaRole.Button, new() { Name = "답 제출" }).ClickAsync();
            await Expect(quiz.GetByText("2번을 골랐습니다.", new() { Exact = false })).ToBeVisibleAsync();
            // One answer: nothing is left to choose or send.
            await Expect(quiz.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
            await Expect(quiz.GetByRole(AriaRole.Button, new() { Name = "답 제출" })).ToHaveCountAsync(0);

            var hostQuiz = host.GetByTestId("host-quiz").Filter(new() { HasText = question });
            await Expect(hostQuiz.GetByText("답한 사람 1명")).ToBeVisibleAsync();
            await hostQuiz.GetByRole(AriaRole.Button, new() { Name = $"퀴즈 마감: {question}" }).ClickAsync();
            await Expect(quiz.GetByText("정답: 2번 책임자에게 보고한다")).ToBeVisibleAsync();
            await Expect(quiz.GetByText("맞혔습니다!")).ToBeVisibleAsync();
            await Expect(quiz.GetByText("보고가 먼저입니다.")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("own-rank")).ToHaveTextAsync("내 순위: 1위 · 정답 1개");
            await Expect(host.GetByRole(AriaRole.Heading, new() { Name = "퀴즈 순위" })).ToBeVisibleAsync();

            await Accessibility.AssertNoSeriousViolationsAsync(page, "the classroom, live, after a quiz");
            await Accessibility.AssertNoSeriousViolationsAsync(host, "the host page, live, after a quiz");

            // The learner's connection drops, and reconnecting fails for a while: the banner says so, and once the
            // classroom answers again the page has rejoined (it hears the class and can speak).
            await page.RouteAsync("**/live/hubs/classroom/negotiate**", route => route.AbortAsync("connectionrefused"));
            await page.EvaluateAsync(DropTheClassroom);
            var banner = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "다시 연결하는 중" });
            await Expect(banner).ToBeVisibleAsync();
            await page.UnrouteAllAsync();
            await Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await Say(host, "다시 연결된 분들도 들리시죠?");
            await Expect(learnerChat.GetByText("다시 연결된 분들도 들리시죠?")).ToBeVisibleAsync();
            await Expect(learnerChat.GetByText("광고 메시지입니다")).ToBeHiddenAsync();
            await Say(page, "네, 다시 들립니다");
            await Expect(hostChat.GetByText("네, 다시 들립니다")).ToBeVisibleAsync();

            // The access cookie has expired when the connection drops again (the hub closes a connection whose token
            // expired): the page renews the session as every call does, and joins again with the fresh cookie.
            var refreshes = 0;
            page.Request += (_, request) => refreshes += request.Url.EndsWith("/identity/v1/token/refresh", StringComparison.Ordinal) ? 1 : 0;
            await page.Context.ClearCookiesAsync(new() { Name = "lms_access" });
            await page.EvaluateAsync(DropTheClassroom);
            await Say(host, "로그인이 갱신되어도 들리시죠?");
            await Expect(learnerChat.GetByText("로그인이 갱신되어도 들리시죠?")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Contains(await page.Context.CookiesAsync(), cookie => cookie.Name == "lms_access");
            Assert.Equal(1, refreshes);

            // The lecturer ends the class: the learner's page says so within seconds, without a reload.
            await host.GetByRole(AriaRole.Button, new() { Name = "강의 끝내기" }).ClickAsync();
            await host.GetByRole(AriaRole.Dialog, new() { Name = "강의를 끝낼까요?" }).GetByRole(AriaRole.Button, new() { Name = "끝내기" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "강의가 끝났습니다" })).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await Expect(page.GetByTestId("session-state")).ToHaveTextAsync("종료");
            await Expect(page.GetByText("강의가 끝나 더 이상 메시지를 보낼 수 없습니다.")).ToBeVisibleAsync();
            Assert.True(await stream.StopsWithinAsync(TimeSpan.FromSeconds(15)), "ending the session drops the publisher");

            // The host sees who attended and waits for the recording.
            var attendance = host.GetByRole(AriaRole.Region, new() { Name = "출석" });
            await Expect(attendance.GetByRole(AriaRole.Row).Filter(new() { HasText = "사원0" })).ToContainTextAsync("1/1");
            await Expect(host.GetByRole(AriaRole.Heading, new() { Name = "녹화본" })).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the classroom, ended");
            await Accessibility.AssertNoSeriousViolationsAsync(host, "the host page, ended");
        }
        catch
        {
            // The suite keeps the main page's screenshot; the lecturer's is kept beside it.
            Directory.CreateDirectory(Chromium.FailureDirectory);
            await host.ScreenshotAsync(new() { Path = Path.Combine(Chromium.FailureDirectory, $"host-{DateTime.UtcNow:HHmmss}.png"), FullPage = true });
            throw;
        }
    });

    /// <summary>A text field by its label alone (a required field's asterisk is not part of its name).</summary>
    private static ILocator Field(IPage page, string label) => page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    private static async Task Say(IPage page, string text)
    {
        var box = page.GetByLabel("메시지 입력");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");
    }
}
