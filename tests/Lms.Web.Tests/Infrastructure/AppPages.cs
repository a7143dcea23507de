using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lms.Web.Tests.Infrastructure;

/// <summary>What every test does through the app's own screens, in Korean as a person reads them.</summary>
public static partial class AppPages
{
    public static async Task SignInAsync(IPage page, string login, string password)
    {
        await page.GotoAsync("signin");
        await page.GetByLabel("이메일 또는 아이디").FillAsync(login);
        // By role: the show-password toggle beside the field is labelled "비밀번호 보기" too.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "비밀번호" }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPath());
    }

    /// <summary>The heading of the page, once it shows.</summary>
    public static ILocator Heading(IPage page, string text) => page.GetByRole(AriaRole.Heading, new() { Name = text, Level = 1 });

    [GeneratedRegex("/app/signin")]
    public static partial Regex SignInPath();
}
