using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Provisions;

/// <summary>Steps the contract tests share, done on the pages as a person would.</summary>
public static class ProvisionPages
{
    /// <summary>
    /// Reloads until <paramref name="find"/> shows: the other side's copy of a provision follows by events, so a page
    /// opened a moment after the change may not have it yet (a person would reload too).
    /// </summary>
    public static async Task ReloadUntilVisibleAsync(IPage page, Func<ILocator> find, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                await Expect(find()).ToBeVisibleAsync(new() { Timeout = 3000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < until)
            {
                await page.ReloadAsync();
            }
        }
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus: the keyboard's way to reach a control.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int most = 60)
    {
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {target}.");
    }

    /// <summary>The roster editor's checkbox for one member, by the name and address it is labelled with.</summary>
    public static ILocator MemberBox(IPage page, string name, string email) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = $"{name} ({email})" });

    /// <summary>One person in the "선택한 사람" list.</summary>
    public static ILocator Chosen(IPage page, string name) =>
        page.GetByRole(AriaRole.List, new() { Name = "선택한 사람" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });
}
