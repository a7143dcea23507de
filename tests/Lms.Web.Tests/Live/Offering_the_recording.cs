using System.Text.RegularExpressions;
using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Live;

public sealed partial class Offering_the_recording(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task The_lecturer_adds_the_ready_recording_to_the_course_and_the_ended_classroom_links_to_it() => Browser.RunAsync(async host =>
    {
        var live = await LiveClass.ScheduleAsync(Api, "다시 보는 특강");
        await using (var stream = TestPattern.Publish(live.PublishUrl, seconds: 300))
        {
            await Eventually.TrueAsync(async () =>
                (await live.Lecturer.SucceedAsync(HttpMethod.Get, $"/live/v1/sessions/{live.SessionId}")).GetProperty("state").GetString() == "LIVE",
                TimeSpan.FromSeconds(30), "the session is live");
            await Task.Delay(TimeSpan.FromSeconds(4)); // a few seconds of picture to record
            await live.Lecturer.SucceedAsync(HttpMethod.Post, $"/live/v1/sessions/{live.SessionId}/end");
        }

        await AppPages.SignInAsync(host, live.Lecturer.Email, Person.DefaultPassword);
        await host.GotoAsync($"inst/live/{live.SessionId}/host");
        await Expect(host.GetByTestId("session-state")).ToHaveTextAsync("종료");
        var recording = host.GetByRole(AriaRole.Region, new() { Name = "녹화본" });
        await Expect(recording.GetByTestId("recording-state")).ToHaveTextAsync("녹화본이 준비되었습니다.", new() { Timeout = 90_000 });
        await Expect(recording.GetByLabel("올릴 장")).ToHaveValueAsync("안내");
        await Expect(recording.GetByRole(AriaRole.Textbox, new() { Name = "항목 제목", Exact = true })).ToHaveValueAsync(live.Title);
        await Accessibility.AssertNoSeriousViolationsAsync(host, "the host page with a ready recording");
        await recording.GetByRole(AriaRole.Button, new() { Name = "과정에 올리기" }).ClickAsync();
        await Expect(recording.GetByText($"과정에 올렸습니다: 안내 › {live.Title}")).ToBeVisibleAsync();

        // The learner who comes back to the ended class finds the recording in the course.
        await using var learnerContext = await Browser.NewContextAsync();
        var page = await learnerContext.NewPageAsync();
        await AppPages.SignInAsync(page, live.Learner.Email, Person.DefaultPassword);
        await Eventually.TrueAsync(async () =>
        {
            var enrollments = await live.Learner.SucceedAsync(HttpMethod.Get, "/student/v1/enrollments");
            var id = enrollments.GetProperty("items")[0].GetProperty("id").GetGuid();
            var outline = await live.Learner.SucceedAsync(HttpMethod.Get, $"/student/v1/enrollments/{id}");
            return outline.GetProperty("chapters").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray())
                .Any(item => item.GetProperty("title").GetString() == live.Title);
        }, TimeSpan.FromSeconds(30), "the learner's outline has the recording");
        await page.GotoAsync($"classroom/{live.SessionId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "강의가 끝났습니다" })).ToBeVisibleAsync();
        await Expect(page.GetByText("이 강의의 녹화본이 과정에 올라와 있습니다.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the ended classroom offering the recording");
        await page.GetByRole(AriaRole.Link, new() { Name = "녹화본 보기" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ItemPage());
        await Expect(AppPages.Heading(page, live.Title)).ToBeVisibleAsync();
    });

    [GeneratedRegex("/app/courses/[0-9a-f-]+/items/[0-9a-f-]+$")]
    private static partial Regex ItemPage();
}
