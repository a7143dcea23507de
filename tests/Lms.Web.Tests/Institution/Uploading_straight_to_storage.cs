using System.Text.Json;
using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Institution;

public sealed partial class Uploading_straight_to_storage(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_video_of_several_parts_resumes_after_a_reload_and_becomes_ready_with_its_duration() => Browser.RunAsync(async page =>
    {
        var manager = await InstitutionCourses.ManagerAsync(Api);
        var courseId = await InstitutionCourses.CourseAsync(manager, "업로드 과정");
        var video = await TestVideos.MakeAsync(7);
        await AppPages.SignInAsync(page, manager.Email, Person.DefaultPassword);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.GotoAsync($"inst/courses/{courseId}/builder");
        await Expect(AppPages.Heading(page, "과정 구성: 업로드 과정")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("새 장 제목").FillAsync("1장 기초");
        await page.GetByRole(AriaRole.Button, new() { Name = "장 추가" }).ClickAsync();
        var addItem = page.GetByRole(AriaRole.Form, new() { Name = "「1장 기초」 장에 항목 추가" });
        await addItem.GetByLabel("새 항목 제목").FillAsync("강의 영상");
        await addItem.GetByRole(AriaRole.Button, new() { Name = "항목 추가" }).ClickAsync();

        // The third part onwards never reaches the storage this time: the upload stops with two parts reported.
        var held = new List<IRoute>();
        await page.RouteAsync(LaterParts(), route =>
        {
            held.Add(route);
            return Task.CompletedTask;
        });
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "「강의 영상」 항목(영상) 파일 올리기" }).ClickAsync());
        await chooser.SetFilesAsync(video);
        var figures = page.GetByTestId("upload-figures");
        await Expect(figures).ToContainTextAsync(new Regex("조각 2/[3-9]"), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "「강의 영상」 항목(영상) 올리는 중" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the builder while uploading");

        var pending = JsonDocument.Parse(await page.EvaluateAsync<string>("() => localStorage.getItem('lms.uploads')")).RootElement;
        var uploadId = Assert.Single(pending.EnumerateArray()).GetProperty("uploadId").GetString();
        var status = await manager.SucceedAsync(HttpMethod.Get, $"/content/v1/uploads/{uploadId}");
        Assert.True(status.GetProperty("partCount").GetInt32() >= 3, "the video is several parts");
        Assert.Equal(2, status.GetProperty("reportedParts").GetArrayLength());

        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await page.ReloadAsync();

        // The unsaved chapter and item come back with the upload to take up again.
        await Expect(page.GetByText("이 탭에서 저장하지 않았던 변경을 되살렸습니다.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("마치지 못한 업로드가 있습니다")).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex("조각 2/[3-9]개를 보냈습니다"))).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "an upload to resume");
        chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "「강의 영상」 항목(영상): 같은 파일 골라 이어서 올리기" }).ClickAsync());
        await chooser.SetFilesAsync(video);

        var ready = page.GetByTestId("upload-ready");
        await Expect(ready).ToContainTextAsync("준비됨", new() { Timeout = 60_000 });
        await Expect(ready).ToContainTextAsync("길이 0:07");
        await Expect(page.GetByTestId("attached-file")).ToContainTextAsync("길이 0:07");

        await page.GetByRole(AriaRole.Button, new() { Name = "구성 저장" }).ClickAsync();
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("구성을 저장했습니다.", new() { Timeout = 30_000 });
        var structure = await InstitutionCourses.StructureAsync(manager, courseId);
        var item = structure.GetProperty("chapters")[0].GetProperty("items")[0];
        Assert.Equal("VIDEO", item.GetProperty("kind").GetString());
        Assert.Equal(7, item.GetProperty("durationSeconds").GetInt32());
        var file = await manager.SucceedAsync(HttpMethod.Get, $"/content/v1/files/{item.GetProperty("fileId").GetGuid()}");
        Assert.Equal("READY", file.GetProperty("state").GetString());
        Assert.Equal("[]", await page.EvaluateAsync<string>("() => localStorage.getItem('lms.uploads')"));
    });

    [Fact]
    public Task A_file_of_another_kind_is_refused_in_words_next_to_its_item() => Browser.RunAsync(async page =>
    {
        var manager = await InstitutionCourses.ManagerAsync(Api);
        var courseId = await InstitutionCourses.CourseAsync(manager, "자료 과정", ("안내", ["오리엔테이션"]));
        var handout = await InstitutionCourses.DocumentAsync();
        await AppPages.SignInAsync(page, manager.Email, Person.DefaultPassword);
        await page.GotoAsync($"inst/courses/{courseId}/builder");

        var addItem = page.GetByRole(AriaRole.Form, new() { Name = "「안내」 장에 항목 추가" });
        await Expect(addItem).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await addItem.GetByLabel("새 항목 제목").FillAsync("교재");
        await addItem.GetByLabel("종류").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "문서" }).ClickAsync();
        await addItem.GetByRole(AriaRole.Button, new() { Name = "항목 추가" }).ClickAsync();

        // A document offered to a video item is refused before a byte is sent.
        var item = page.GetByTestId("builder-item").Nth(1);
        await item.GetByLabel("종류").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "영상" }).ClickAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "「교재」 항목(영상) 파일 올리기" }).ClickAsync());
        await chooser.SetFilesAsync(handout);
        await Expect(item.GetByRole(AriaRole.Alert)).ToContainTextAsync("영상 항목에는 영상 파일만 붙일 수 있습니다. 고른 파일은 문서 파일입니다.");

        // Attached as a document, then the item made a video: the institution service names that item's file.
        await item.GetByLabel("종류").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "문서" }).ClickAsync();
        chooser = await page.RunAndWaitForFileChooserAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "「교재」 항목(문서) 파일 올리기" }).ClickAsync());
        await chooser.SetFilesAsync(handout);
        await Expect(item.GetByTestId("upload-ready")).ToContainTextAsync("준비됨", new() { Timeout = 30_000 });
        await item.GetByLabel("종류").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "영상" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "구성 저장" }).ClickAsync();

        await Expect(item.GetByTestId("item-file-error")).ToContainTextAsync("이 파일은 붙일 수 없습니다", new() { Timeout = 30_000 });
        await Expect(page.GetByText("저장하지 못했습니다. 아래에 표시된 장과 항목을 고쳐 주세요.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a refused file");
        Assert.Single(InstitutionCourses.ItemTitles(await InstitutionCourses.StructureAsync(manager, courseId), 0));
    });

    [GeneratedRegex(@"partNumber=([3-9]|\d\d+)(&|$)")]
    private static partial Regex LaterParts();
}
