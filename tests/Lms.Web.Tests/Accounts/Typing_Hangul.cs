using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Accounts;

public sealed class Typing_Hangul(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Commits_the_composed_word_whole_and_Enter_while_composing_does_not_send() => Browser.RunAsync(async page =>
    {
        var person = await Person.JoinAsync(Api, $"ime.{Guid.NewGuid():N}"[..20] + "@example.com", "임시");
        await AppPages.SignInAsync(page, person.Email, Person.DefaultPassword);
        await page.GotoAsync("profile");
        var name = page.GetByLabel("이름");
        await name.FillAsync("");
        await name.FocusAsync();

        // As a Korean IME does: the syllable being composed is marked text until it is committed.
        var ime = await page.Context.NewCDPSessionAsync(page);
        await ime.SendAsync("Input.insertText", new() { ["text"] = "한국" });
        await ime.SendAsync("Input.imeSetComposition", new() { ["text"] = "ㅇ", ["selectionStart"] = 1, ["selectionEnd"] = 1 });
        await ime.SendAsync("Input.imeSetComposition", new() { ["text"] = "어", ["selectionStart"] = 1, ["selectionEnd"] = 1 });
        // The Enter the IME reports (key code 229, carrying a carriage return a form would submit on) while composing.
        await ime.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "keyDown", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229, ["text"] = "\r" });
        await ime.SendAsync("Input.dispatchKeyEvent", new() { ["type"] = "keyUp", ["key"] = "Enter", ["code"] = "Enter", ["windowsVirtualKeyCode"] = 229 });
        await ime.SendAsync("Input.insertText", new() { ["text"] = "어" });

        await Expect(name).ToHaveValueAsync("한국어");
        await Expect(page.GetByText("개인 정보를 저장했습니다.")).Not.ToBeVisibleAsync();

        await name.PressAsync("Enter");
        await Expect(page.GetByText("개인 정보를 저장했습니다.")).ToBeVisibleAsync();
        var profile = await person.SucceedAsync(HttpMethod.Get, "/identity/v1/users/me");
        Assert.Equal("한국어", profile.GetProperty("name").GetString());
    });
}
