using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Learner;

public sealed class Verifying_a_certificate(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_completed_learners_certificate_prints_and_verifies_on_the_visitorPagepage_without_signing_in() => Browser.RunAsync(async page =>
    {
        var exam = await ExamClassroom.OpenAsync(Api);
        await exam.PassThroughTheApiAsync();
        var certificate = (await Eventually.GetAsync(() => exam.Learner.SucceedAsync(HttpMethod.Get, "/student/v1/certificates"),
            list => list.GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the certificate is issued"))[0];
        var code = certificate.GetProperty("verificationCode").GetString()!;
        var course = exam.Classroom.CourseTitle;

        await AppPages.SignInAsync(page, exam.Learner.Email, Person.DefaultPassword);
        await page.GotoAsync("certificates");
        await Expect(AppPages.Heading(page, "내 수료증")).ToBeVisibleAsync();
        var card = page.GetByRole(AriaRole.Article, new() { Name = course });
        await Expect(card).ToContainTextAsync(certificate.GetProperty("serial").GetString()!);
        await Expect(card).ToContainTextAsync(code);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "my certificates");

        await card.GetByRole(AriaRole.Link, new() { Name = $"{course} 인쇄용 수료증" }).ClickAsync();
        await Expect(AppPages.Heading(page, "수료증")).ToBeVisibleAsync();
        var sheet = page.GetByRole(AriaRole.Article, new() { Name = "수료증" });
        await Expect(sheet).ToContainTextAsync("사원0");
        await Expect(sheet).ToContainTextAsync(course);
        await Expect(sheet).ToContainTextAsync(code);
        await Expect(sheet).ToContainTextAsync(new Uri(Chromium.App, $"verify/{code}").ToString());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "인쇄하기" })).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the printable certificate");

        // Someone else, who has never signed in, checks the code.
        var stranger = await Browser.NewContextAsync();
        try
        {
            var visitorPage = await stranger.NewPageAsync();
            await visitorPage.GotoAsync($"verify/{code}");
            await Expect(AppPages.Heading(visitorPage, "수료증 진위 확인")).ToBeVisibleAsync();
            await Expect(visitorPage.GetByRole(AriaRole.Heading, new() { Name = "유효한 수료증입니다." })).ToBeVisibleAsync();
            await Expect(visitorPage.GetByRole(AriaRole.Row, new() { Name = "수료자 사원0" })).ToBeVisibleAsync();
            await Expect(visitorPage.GetByRole(AriaRole.Row, new() { Name = $"과정명 {course}" })).ToBeVisibleAsync();
            Assert.DoesNotContain(await stranger.CookiesAsync(), cookie => cookie.Name == "lms_access");
            await Accessibility.AssertNoSeriousViolationsAsync(visitorPage, "a valid certificate's public page");

            // A code typed into the form, one letter wrong: not valid, in words.
            var wrong = (code[0] == 'a' ? 'b' : 'a') + code[1..];
            await visitorPage.GetByLabel("확인 코드").FillAsync(wrong);
            await visitorPage.GetByLabel("확인 코드").PressAsync("Enter");
            await Expect(visitorPage.GetByRole(AriaRole.Heading, new() { Name = "유효하지 않은 수료증입니다." })).ToBeVisibleAsync();
            await Expect(visitorPage.GetByText("이 확인 코드에 해당하는 수료증이 없습니다.")).ToBeVisibleAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(visitorPage, "an invalid code's public page");
        }
        finally
        {
            await stranger.DisposeAsync();
        }
    });
}
