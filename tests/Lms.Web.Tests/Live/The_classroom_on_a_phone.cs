using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Live;

public sealed class The_classroom_on_a_phone(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Puts_the_chat_below_the_stage_sends_a_Korean_message_only_once_composed_and_says_why_a_sixth_is_refused() => Browser.RunAsync(async page =>
    {
        var live = await LiveClass.ScheduleAsync(Api, "모바일 특강");
        await AppPages.SignInAsync(page, live.Learner.Email, Person.DefaultPassword);
        await page.GotoAsync($"classroom/{live.SessionId}");
        await Expect(AppPages.Heading(page, live.Title)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "아직 시작하지 않았습니다" })).ToBeVisibleAsync();
        await Expect(page.GetByText("강의실에 연결되면 메시지를 보낼 수 있습니다.")).ToBeHiddenAsync(new() { Timeout = 30_000 });

        var stage = await page.GetByTestId("stage").BoundingBoxAsync();
        var chat = await page.GetByRole(AriaRole.Region, new() { Name = "채팅" }).BoundingBoxAsync();
        Assert.True(chat!.Y >= stage!.Y + stage.Height, $"the chat ({chat.Y}) is below the stage (ends at {stage.Y + stage.Height})");
        Assert.True(chat.Width <= 375 && stage.Width <= 375, "nothing is wider than the phone");
        Assert.Equal(375, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

        // As a Korean IME does: the syllable being composed is marked text until Enter commits it; that Enter sends nothing.
        var box = page.GetByLabel("메시지 입력");
        await box.FocusAsync();
        var ime = await page.Context.NewCDPSessionAsync(page);
        await ime.SendAsync("Input.insertText", new() { ["text"] = "질문" });
        await ime.SendAsync("Input.imeSetComposition", new() { ["text"] = "이", ["selectionStart"] = 1, ["selectionEnd"] = 1 });
        await ime.SendAsync("Input.imeSetComposition", new() { ["text"] = "있", ["selectionStart"] = 1, ["selectionEnd"] = 1 });
        await ime.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "keyDown", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229, ["text"] = "\r" });
        await ime.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "keyUp", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229 });
        await ime.SendAsync("Input.insertText", new() { ["text"] = "있" });
        await Expect(box).ToHaveValueAsync("질문있");
        var log = page.GetByRole(AriaRole.Log, new() { Name = "채팅 메시지" });
        await Expect(log.GetByText("질문있")).ToHaveCountAsync(0);

        await ime.SendAsync("Input.insertText", new() { ["text"] = "습니다" });
        await box.PressAsync("Enter");
        await Expect(log.GetByText("질문있습니다", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(box).ToHaveValueAsync("");

        // Five messages in ten seconds are the limit: the next is refused in words and its text comes back to the box.
        for (var i = 2; i <= 5; i++)
        {
            await box.FillAsync($"연속 메시지 {i}");
            await box.PressAsync("Enter");
            await Expect(log.GetByText($"연속 메시지 {i}")).ToBeVisibleAsync();
        }
        await box.FillAsync("하나 더 보냅니다");
        await box.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("메시지를 너무 빨리 보내고 있습니다. 10초에 5개까지 보낼 수 있으니 잠시 후 다시 보내 주세요.");
        await Expect(box).ToHaveValueAsync("하나 더 보냅니다");
        await Expect(log.GetByText("하나 더 보냅니다")).ToHaveCountAsync(0);

        await Accessibility.AssertNoSeriousViolationsAsync(page, "the classroom before the start, on a phone");
    }, Viewport.Phone);
}
