using Lms.EndToEnd.Tests;
using Lms.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.Web.Tests.Authoring;

public sealed class Managing_the_institution(Chromium browser) : BrowserTest(browser)
{
    [Fact]
    public Task A_manager_edits_the_profile_invites_a_manager_by_email_and_removes_them_but_not_the_last_one() => Browser.RunAsync(async page =>
    {
        var institution = await AuthoringInstitution.CreateAsync(Api);
        await AppPages.SignInAsync(page, institution.Manager.Email, Person.DefaultPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "주 메뉴" }).GetByRole(AriaRole.Link, new() { Name = "기관 정보" }).ClickAsync();
        await Expect(AppPages.Heading(page, "기관 정보와 관리자")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("기관 이름")).ToHaveValueAsync(institution.Name);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the institution's profile");

        await page.GetByLabel("사업자등록번호").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "기관 정보 저장" }).ClickAsync();
        await Expect(page.GetByText("사업자등록번호는 10자리 숫자입니다", new() { Exact = false })).ToBeVisibleAsync();
        var businessNumber = $"6{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        await page.GetByLabel("사업자등록번호").FillAsync(businessNumber);
        await page.GetByLabel("웹사이트").FillAsync("https://authoring.example");
        await page.GetByLabel("기관 소개").FillAsync("정보보안 과정을 만드는 교육원입니다.");
        await page.GetByRole(AriaRole.Button, new() { Name = "기관 정보 저장" }).ClickAsync();
        await Expect(page.GetByText("기관 정보를 저장했습니다.")).ToBeVisibleAsync();
        var mine = await institution.Manager.SucceedAsync(HttpMethod.Get, "/institution/v1/institutions/mine");
        Assert.Equal(businessNumber, mine.GetProperty("businessNumber").GetString());
        Assert.Equal("https://authoring.example", mine.GetProperty("website").GetString());

        // The invitation goes out by email; the invited person accepts it with the code the mail carries.
        var tag = Guid.NewGuid().ToString("N")[..10];
        var invitee = await Person.JoinAsync(Api, $"second.{tag}@example.com", "두번째 관리자");
        await page.GetByLabel("초대할 이메일").FillAsync(invitee.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "초대 메일 보내기" }).ClickAsync();
        await Expect(page.GetByText($"{invitee.Email}(으)로 초대 메일을 보냈습니다.", new() { Exact = false })).ToBeVisibleAsync();
        var invitations = page.GetByRole(AriaRole.Region, new() { Name = "보낸 초대" });
        await Expect(invitations.GetByRole(AriaRole.Row).Filter(new() { HasText = invitee.Email })).ToContainTextAsync("답을 기다리는 중");
        var code = await RunningPlatform.Mail.InvitationCodeForAsync(invitee.Email);
        await invitee.SucceedAsync(HttpMethod.Post, "/institution/v1/institutions/manager-invitations/accept", new { code });

        // An invitation sent by mistake is withdrawn: its code no longer works.
        var mistaken = $"wrong.{tag}@example.com";
        await page.GetByLabel("초대할 이메일").FillAsync(mistaken);
        await page.GetByRole(AriaRole.Button, new() { Name = "초대 메일 보내기" }).ClickAsync();
        await invitations.GetByRole(AriaRole.Button, new() { Name = $"{mistaken} 초대 취소" }).ClickAsync();
        var withdraw = page.GetByRole(AriaRole.Dialog, new() { Name = $"{mistaken} 초대를 취소할까요?" });
        await withdraw.GetByRole(AriaRole.Button, new() { Name = "초대 취소" }).ClickAsync();
        await Expect(invitations.GetByRole(AriaRole.Row).Filter(new() { HasText = mistaken })).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(invitations.GetByRole(AriaRole.Row).Filter(new() { HasText = invitee.Email })).ToContainTextAsync("수락함");
        var managers = page.GetByRole(AriaRole.Region, new() { Name = "관리자", Exact = true });
        var row = managers.GetByRole(AriaRole.Row).Filter(new() { HasText = invitee.Email });
        await Expect(row).ToContainTextAsync("두번째 관리자");
        await Expect(managers.GetByRole(AriaRole.Row).Filter(new() { HasText = institution.Manager.Email })).ToContainTextAsync("나");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the institution's managers");

        await row.GetByRole(AriaRole.Button, new() { Name = "두번째 관리자 관리자 제외" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "두번째 관리자 님을 관리자에서 제외할까요?" });
        await Expect(confirm).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "asking before removing a manager");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "제외" }).ClickAsync();
        await Expect(row).Not.ToBeVisibleAsync();

        // Now the last manager: the service refuses, and the dialog says why.
        await managers.GetByRole(AriaRole.Row).Filter(new() { HasText = institution.Manager.Email }).GetByRole(AriaRole.Button).ClickAsync();
        var self = page.GetByRole(AriaRole.Dialog, new() { Name = "나를 관리자에서 제외할까요?" });
        await self.GetByRole(AriaRole.Button, new() { Name = "제외" }).ClickAsync();
        await Expect(self.GetByRole(AriaRole.Alert)).ToHaveTextAsync("마지막 관리자는 제외할 수 없습니다.");
        await self.GetByRole(AriaRole.Button, new() { Name = "그대로 두기" }).ClickAsync();
        await Expect(AppPages.Heading(page, "기관 정보와 관리자")).ToBeVisibleAsync();
    });
}
