using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Authoring;

public sealed class Writing_teach_back_topics(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_topic_keeps_what_learners_read_apart_from_the_rubric_and_is_edited_and_deleted() => Browser.RunAsync(async page =>
    {
        var institution = await AuthoringInstitution.CreateAsync(Api);
        await AppPages.SignInAsync(page, institution.Manager.Email, Person.DefaultPassword);
        await page.GotoAsync($"inst/courses/{institution.CourseId}/teachback-topics");
        await Expect(AppPages.Heading(page, $"설명하며 배우기 주제 — {institution.CourseTitle}")).ToBeVisibleAsync();
        await Expect(page.GetByText("점수를 매길 때만 쓰이고 학습자에게는 보이지 않습니다.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("아직 주제가 없습니다.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "새 주제 추가" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "새 주제" });
        await form.GetByLabel("주제 제목").FillAsync("유출 사고 신고");
        var learnerPart = form.GetByRole(AriaRole.Group, new() { Name = "학습자에게 보이는 내용" });
        await learnerPart.GetByLabel("안내문 (학습자가 읽는 설명 요청)").FillAsync("유출을 알게 되면 누구에게, 언제까지 알려야 하는지 설명해 보세요.");
        var rubric = form.GetByRole(AriaRole.Group, new() { Name = "채점 기준 — 학습자에게 보이지 않습니다" });
        await Expect(rubric).ToContainTextAsync("학습자의 화면과 피드백 어디에도 이 문장이 그대로 나오지 않습니다.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "writing a teach-back topic");

        // No key point yet: the rule says so beside the rubric, and nothing is sent.
        await form.GetByRole(AriaRole.Button, new() { Name = "주제 추가" }).ClickAsync();
        await Expect(rubric.GetByText("핵심 내용을 하나 이상 적어 주세요.")).ToBeVisibleAsync();

        await rubric.GetByRole(AriaRole.Textbox, new() { Name = "핵심 내용 1", Exact = true }).FillAsync("개인정보 보호책임자에게 즉시 알린다");
        await rubric.GetByRole(AriaRole.Button, new() { Name = "핵심 내용 추가" }).ClickAsync();
        await rubric.GetByRole(AriaRole.Textbox, new() { Name = "핵심 내용 2", Exact = true }).FillAsync("72시간 안에 신고한다");
        await rubric.GetByRole(AriaRole.Button, new() { Name = "동의어 추가" }).ClickAsync();
        await rubric.GetByRole(AriaRole.Textbox, new() { Name = "낱말 1", Exact = true }).FillAsync("보호책임자");
        await rubric.GetByLabel("낱말 1의 같은 뜻의 말 (쉼표로 구분)").FillAsync("CPO, 개인정보 보호책임자");
        await form.GetByRole(AriaRole.Button, new() { Name = "주제 추가" }).ClickAsync();

        var card = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "유출 사고 신고" });
        await Expect(card).ToContainTextAsync("학습자에게 보이는 안내");
        await Expect(card).ToContainTextAsync("채점 기준 · 학습자에게 보이지 않음");
        await Expect(card).ToContainTextAsync("보호책임자: CPO, 개인정보 보호책임자");
        var topics = await institution.Manager.SucceedAsync(HttpMethod.Get, $"/institution/v1/courses/{institution.CourseId}/teachback-topics");
        var topic = topics[0];
        Assert.Equal(["개인정보 보호책임자에게 즉시 알린다", "72시간 안에 신고한다"], topic.GetProperty("keyPoints").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("유출을 알게 되면 누구에게, 언제까지 알려야 하는지 설명해 보세요.", topic.GetProperty("prompt").GetString());
        Assert.Equal("ko", topic.GetProperty("language").GetString());
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a course's teach-back topics");

        await card.GetByRole(AriaRole.Button, new() { Name = "유출 사고 신고 주제 수정" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Form, new() { Name = "주제 수정" });
        await edit.GetByLabel("주제 제목").FillAsync("유출 사고 신고 절차");
        await edit.GetByRole(AriaRole.Button, new() { Name = "핵심 내용 2 삭제" }).ClickAsync();
        await edit.GetByRole(AriaRole.Button, new() { Name = "변경 저장" }).ClickAsync();
        var edited = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "유출 사고 신고 절차" });
        await Expect(edited).ToBeVisibleAsync();
        await Expect(edited).Not.ToContainTextAsync("72시간 안에 신고한다");

        await edited.GetByRole(AriaRole.Button, new() { Name = "유출 사고 신고 절차 주제 삭제" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "이 주제를 삭제할까요?" });
        await Expect(confirm).ToContainTextAsync("이미 제출한 설명과 점수는 남습니다.");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "삭제" }).ClickAsync();
        await Expect(page.GetByText("아직 주제가 없습니다.")).ToBeVisibleAsync();
    });
}
