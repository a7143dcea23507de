using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Admin;

/// <summary>The free teach-back catalog, kept by an admin: a topic placed under a major and subject, edited, deleted.</summary>
public sealed class Keeping_the_free_practice_catalog(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_admin_adds_a_topic_under_a_new_major_edits_its_rubric_and_deletes_it()
    {
        var admin = await Admins.NewAsync(Api);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (major, subject, title) = ($"시험전공 {tag}", "마케팅", $"4P 믹스 {tag}");
        await Browser.RunAsync(async page =>
        {
            await AppPages.SignInAsync(page, admin.Email, Person.DefaultPassword);
            await page.GotoAsync("admin/teachback");
            await Expect(AppPages.Heading(page, "자유 연습 주제")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "주제 추가" }).ClickAsync();
            var form = page.GetByRole(AriaRole.Form, new() { Name = "새 주제" });

            // Nothing is sent while the place is missing.
            await form.GetByRole(AriaRole.Button, new() { Name = "추가", Exact = true }).ClickAsync();
            await Expect(form.GetByLabel("전공")).ToHaveAttributeAsync("aria-invalid", "true");

            await form.GetByLabel("전공").FillAsync(major);
            await form.GetByLabel("과목").FillAsync(subject);
            await form.GetByRole(AriaRole.Textbox, new() { Name = "주제 제목" }).FillAsync(title);
            await form.GetByRole(AriaRole.Textbox, new() { Name = "핵심 내용 1" }).FillAsync("제품, 가격, 유통, 촉진의 네 요소");
            await form.GetByRole(AriaRole.Button, new() { Name = "추가", Exact = true }).ClickAsync();
            await Expect(form).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = major, Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = subject, Level = 3 }).First).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page, "the catalog with a new topic");

            // Editing reads the rubric back.
            await page.GetByRole(AriaRole.Button, new() { Name = $"“{title}” 수정" }).ClickAsync();
            var edit = page.GetByRole(AriaRole.Form, new() { Name = $"“{title}” 수정" });
            await Expect(edit.GetByRole(AriaRole.Textbox, new() { Name = "핵심 내용 1" })).ToHaveValueAsync("제품, 가격, 유통, 촉진의 네 요소");
            await Expect(edit.GetByLabel("전공")).ToHaveValueAsync(major);
            await edit.GetByRole(AriaRole.Textbox, new() { Name = "주제 제목" }).FillAsync(title + " (개정)");
            await edit.GetByRole(AriaRole.Button, new() { Name = "저장", Exact = true }).ClickAsync();
            await Expect(edit).ToBeHiddenAsync();
            await Expect(page.GetByText(title + " (개정)")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = $"“{title} (개정)” 삭제" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"“{title} (개정)” 삭제" });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "삭제", Exact = true }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = major })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task The_admin_pages_do_not_break_at_tablet_width()
    {
        var admin = await Admins.NewAsync(Api);
        await Browser.RunAsync(async page =>
        {
            await AppPages.SignInAsync(page, admin.Email, Person.DefaultPassword);
            foreach (var (path, heading) in new[] { ("admin", "플랫폼 상태"), ("admin/users", "계정 관리"), ("admin/institutions", "교육기관 관리"), ("admin/companies", "기업 관리"), ("admin/audit", "관리 기록"), ("admin/teachback", "자유 연습 주제") })
            {
                await page.GotoAsync(path);
                await Expect(AppPages.Heading(page, heading)).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Status).And(page.Locator(".mantine-Loader-root"))).ToHaveCountAsync(0, new() { Timeout = 20_000 });
                // Wide tables scroll inside their own area; the page itself never scrolls sideways.
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"{path} scrolls sideways at 768 px");
                await Accessibility.AssertNoSeriousViolationsAsync(page, $"{path} at 768 px");
            }
        }, new Viewport(768, 900, false));
    }
}
