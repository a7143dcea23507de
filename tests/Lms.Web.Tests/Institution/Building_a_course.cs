using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Institution;

public sealed class Building_a_course(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task Keeps_the_order_set_by_dragging_and_by_keyboard_after_a_reload_and_publishes() => Browser.RunAsync(async page =>
    {
        var manager = await InstitutionCourses.ManagerAsync(Api);
        var courseId = await InstitutionCourses.CourseAsync(manager, "순서 과정",
            ("가 장", ["가-1", "가-2", "가-3"]), ("나 장", ["나-1"]), ("다 장", ["다-1"]));
        await AppPages.SignInAsync(page, manager.Email, Person.DefaultPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "과정 관리" }).ClickAsync();
        await Expect(AppPages.Heading(page, "과정 관리")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the course list");
        await page.GetByRole(AriaRole.Link, new() { Name = "순서 과정" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "구성 편집" }).ClickAsync();
        await Expect(AppPages.Heading(page, "과정 구성: 순서 과정")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the builder");

        // By dragging: item 가-3 goes to the top of its chapter.
        var items = page.GetByRole(AriaRole.List, new() { Name = "「가 장」 장의 항목" }).GetByRole(AriaRole.Textbox, new() { Name = "항목 제목" });
        await DragAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "「가-3」 항목 순서 바꾸기" }), page.GetByRole(AriaRole.Button, new() { Name = "「가-1」 항목 순서 바꾸기" }));
        await Expect(items.First).ToHaveValueAsync("가-3");
        Assert.Equal(["가-3", "가-1", "가-2"], await ValuesAsync(items));

        // By keyboard alone: chapter 다 is picked up, moved up twice and dropped first.
        var handle = page.GetByRole(AriaRole.Button, new() { Name = "「다 장」 장 순서 바꾸기" });
        await handle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // What was picked up is said at once, and replaced by where it is over as soon as that is measured.
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("장 「다 장」(을\\(를\\) 집었습니다|: 3개 중 3번째 자리로)"))).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.GetByText("장 「다 장」: 3개 중 2번째 자리로 옮기는 중입니다.")).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.GetByText("장 「다 장」: 3개 중 1번째 자리로 옮기는 중입니다.")).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("장 「다 장」을\\(를\\) 3개 중 1번째 자리에 놓았습니다"))).ToBeAttachedAsync();
        await Expect(ChapterHeadings(page)).ToHaveTextAsync(["1장. 다 장", "2장. 가 장", "3장. 나 장"]);
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("저장하지 않은 변경이 있습니다.");

        await page.GetByRole(AriaRole.Button, new() { Name = "구성 저장" }).ClickAsync();
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("구성을 저장했습니다.", new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await Expect(ChapterHeadings(page)).ToHaveTextAsync(["1장. 다 장", "2장. 가 장", "3장. 나 장"], new() { Timeout = 30_000 });
        Assert.Equal(["가-3", "가-1", "가-2"], await ValuesAsync(items));
        var saved = await InstitutionCourses.StructureAsync(manager, courseId);
        Assert.Equal(["다 장", "가 장", "나 장"], InstitutionCourses.ChapterTitles(saved));
        Assert.Equal(["가-3", "가-1", "가-2"], InstitutionCourses.ItemTitles(saved, 1));

        await page.GetByRole(AriaRole.Link, new() { Name = "「순서 과정」 과정으로" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "게시하기" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "과정을 게시할까요?" });
        await Expect(dialog).ToContainTextAsync("카탈로그에 나타나");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "publishing a course");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "게시하기" }).ClickAsync();
        await Expect(page.GetByText("과정을 게시했습니다. 이제 카탈로그에 나타납니다.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("게시됨", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("PUBLISHED", (await manager.SucceedAsync(HttpMethod.Get, $"/institution/v1/courses/{courseId}")).GetProperty("state").GetString());
    });

    [Fact]
    public Task Reorders_chapters_with_the_keyboard_alone() => Browser.RunAsync(async page =>
    {
        var manager = await InstitutionCourses.ManagerAsync(Api);
        var courseId = await InstitutionCourses.CourseAsync(manager, "키보드 과정", ("첫째", ["하나"]), ("둘째", ["둘"]));
        await AppPages.SignInAsync(page, manager.Email, Person.DefaultPassword);
        await page.GotoAsync($"inst/courses/{courseId}/builder");
        await Expect(ChapterHeadings(page)).ToHaveTextAsync(["1장. 첫째", "2장. 둘째"], new() { Timeout = 30_000 });

        // Tab reaches the handle; Enter picks it up, the arrow moves it, Enter drops it.
        var handle = page.GetByRole(AriaRole.Button, new() { Name = "「둘째」 장 순서 바꾸기" });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "장 제목", Exact = true }).First.FocusAsync();
        for (var i = 0; i < 40 && !await handle.EvaluateAsync<bool>("el => el === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(handle).ToBeFocusedAsync();
        // Each key waits for what the page says about the last one, as a screen-reader user would (a key pressed before
        // the drag has measured its rows would move nothing).
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("장 「둘째」(을\\(를\\) 집었습니다|: 2개 중 2번째 자리로)"))).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.GetByText("장 「둘째」: 2개 중 1번째 자리로 옮기는 중입니다.")).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(ChapterHeadings(page)).ToHaveTextAsync(["1장. 둘째", "2장. 첫째"]);
        await Expect(handle).ToBeFocusedAsync();

        // Escape puts a picked-up chapter back.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("장 「둘째」(을\\(를\\) 집었습니다. 지금 2개 중 1번째|: 2개 중 1번째 자리로)"))).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByText("장 「둘째」: 2개 중 2번째 자리로 옮기는 중입니다.")).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(ChapterHeadings(page)).ToHaveTextAsync(["1장. 둘째", "2장. 첫째"]);
        await Expect(page.GetByText("옮기기를 취소했습니다. 장 「둘째」은(는) 원래 자리에 있습니다.")).ToBeAttachedAsync();
    });

    [Fact]
    public Task A_stale_save_is_explained_and_can_be_put_over_the_newer_version() => Browser.RunAsync(async page =>
    {
        var manager = await InstitutionCourses.ManagerAsync(Api);
        var courseId = await InstitutionCourses.CourseAsync(manager, "충돌 과정", ("처음 장", ["처음 항목"]));
        await AppPages.SignInAsync(page, manager.Email, Person.DefaultPassword);
        await page.GotoAsync($"inst/courses/{courseId}/builder");
        await Expect(ChapterHeadings(page)).ToHaveTextAsync(["1장. 처음 장"], new() { Timeout = 30_000 });

        // Another manager saves a second chapter meanwhile.
        var theirs = await InstitutionCourses.StructureAsync(manager, courseId);
        var chapter = theirs.GetProperty("chapters")[0];
        var item = chapter.GetProperty("items")[0];
        await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new object[]
            {
                new { id = chapter.GetProperty("id").GetGuid(), title = "처음 장", items = new[] { new { id = item.GetProperty("id").GetGuid(), title = "처음 항목", kind = "OTHER", required = true } } },
                new { id = (Guid?)null, title = "그들의 장", items = Array.Empty<object>() },
            },
        });

        await page.GetByRole(AriaRole.Textbox, new() { Name = "장 제목", Exact = true }).FillAsync("내가 고친 장");
        await page.GetByRole(AriaRole.Button, new() { Name = "구성 저장" }).ClickAsync();
        var conflict = page.GetByTestId("conflict");
        await Expect(conflict).ToContainTextAsync("다른 사람이 먼저 저장했습니다", new() { Timeout = 30_000 });
        await Expect(conflict).ToContainTextAsync("지금 저장된 구성: 장 2개, 항목 1개");
        await Expect(conflict).ToContainTextAsync("그들의 장");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a stale save");

        await conflict.GetByRole(AriaRole.Button, new() { Name = "내 변경으로 덮어쓰기" }).ClickAsync();
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("구성을 저장했습니다.", new() { Timeout = 30_000 });
        Assert.Equal(["내가 고친 장"], InstitutionCourses.ChapterTitles(await InstitutionCourses.StructureAsync(manager, courseId)));
    });

    private static async Task<string[]> ValuesAsync(ILocator inputs) => await inputs.EvaluateAllAsync<string[]>("els => els.map(e => e.value)");

    private static ILocator ChapterHeadings(IPage page) =>
        page.GetByRole(AriaRole.List, new() { Name = "장 목록" }).GetByRole(AriaRole.Heading, new() { Level = 2 });

    /// <summary>A person's drag: press on the handle, move in steps (the sensor starts after a few pixels), release over the target.</summary>
    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        await to.ScrollIntoViewIfNeededAsync();
        var start = (await from.BoundingBoxAsync())!;
        var end = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(start.X + (start.Width / 2), start.Y + (start.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(start.X + (start.Width / 2), start.Y + (start.Height / 2) - 10, new() { Steps = 5 });
        await page.Mouse.MoveAsync(end.X + (end.Width / 2), end.Y + (end.Height / 2) - 5, new() { Steps = 20 });
        await page.Mouse.UpAsync();
    }
}
