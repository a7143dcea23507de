using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Institution;

public sealed class Managing_courses(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_manager_creates_a_course_in_a_korean_category_gives_it_a_cover_and_finds_it_among_the_drafts() => Browser.RunAsync(async page =>
    {
        var manager = await InstitutionCourses.ManagerAsync(Api);
        var cover = await InstitutionCourses.ImageAsync();
        await AppPages.SignInAsync(page, manager.Email, Person.DefaultPassword);

        await page.GotoAsync("inst/courses");
        await Expect(page.GetByText("작성 중인 과정이 없습니다.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "새 과정 만들기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "새 과정 만들기")).ToBeVisibleAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "새 과정 만들기" });
        await form.GetByRole(AriaRole.Button, new() { Name = "과정 만들기" }).ClickAsync();
        await Expect(form.GetByText("입력해 주세요.")).ToHaveCountAsync(3);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a new course with its refusals");

        await form.GetByLabel("과정 제목").FillAsync("산업안전 기초");
        await form.GetByLabel("과정 소개").FillAsync("현장에서 지켜야 할 안전 수칙을 배웁니다.");
        await form.GetByLabel("훈련 분야").ClickAsync();
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(25);
        await options.First.ClickAsync();
        var category = await form.GetByLabel("훈련 분야").InputValueAsync();
        Assert.Matches("\\p{IsHangulSyllables}", category);
        await form.GetByLabel("강사 이름").FillAsync("박안전");
        await form.GetByLabel("학습 기간 (일)").FillAsync("60");
        await form.GetByRole(AriaRole.Button, new() { Name = "과정 만들기" }).ClickAsync();

        await Expect(AppPages.Heading(page, "산업안전 기초")).ToBeVisibleAsync();
        await Expect(page.GetByText("작성 중", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText($"{category} · 60일")).ToBeVisibleAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "표지 이미지 파일 올리기" }).ClickAsync());
        await chooser.SetFilesAsync(cover);
        await Expect(page.GetByText("표지 이미지를 저장했습니다.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "「산업안전 기초」 과정의 표지 이미지" })).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("cover-image").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 320"));
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a course with its cover");

        // Publishing an empty course is refused in words.
        await page.GetByRole(AriaRole.Button, new() { Name = "게시하기" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "게시하기" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "내용 항목이 하나도 없는 과정은 게시할 수 없습니다" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "과정 목록으로" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "산업안전 기초" });
        await Expect(row).ToContainTextAsync(category);
        await Expect(row).ToContainTextAsync("60일");
    });
}
