using System.Text.Json;
using Lms.Contracts.Administration;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Support;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Administration;

[Collection(PlatformGroup.Name)]
public sealed class Reading_the_admin_audit_trail(Platform platform)
{
    [Fact]
    public async Task Records_who_when_why_and_what_for_an_account()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        var before = DateTimeOffset.UtcNow;

        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend", "스팸 게시 신고 3건")).EnsureSuccessStatusCode();

        var entry = Assert.Single(await TrailAsync(admin, $"targetId={person.UserId}"));
        Assert.Equal("ACCOUNT_SUSPENDED", entry.GetProperty("action").GetString());
        Assert.Equal("user", entry.GetProperty("targetType").GetString());
        Assert.Equal(person.Account.Email, entry.GetProperty("targetName").GetString());
        Assert.Equal("스팸 게시 신고 3건", entry.GetProperty("reason").GetString());
        Assert.Equal(admin.UserId, entry.GetProperty("adminId").GetGuid());
        Assert.Equal(admin.Account.Name, entry.GetProperty("adminName").GetString());
        Assert.Equal(admin.Account.Email, entry.GetProperty("adminEmail").GetString());
        Assert.InRange(entry.GetProperty("occurredAt").GetDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Records_an_institutions_and_a_companys_suspension_from_their_services()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var (institutionId, _) = await InstitutionScenarios.RegisterAsync(platform, "감사교육원");
        var (companyId, _, _) = await CompanyScenarios.RegisterAsync(platform, "감사상사");

        (await AdminScenarios.In(platform.Institution, admin).ActAsync($"/institution/v1/admin/institutions/{institutionId}/suspend", "허위 광고"))
            .EnsureSuccessStatusCode();
        (await AdminScenarios.In(platform.Company, admin).ActAsync($"/company/v1/admin/companies/{companyId}/suspend", "대금 미지급"))
            .EnsureSuccessStatusCode();

        var institution = await Eventually.GetAsync(() => TrailAsync(admin, $"targetType=institution&targetId={institutionId}"),
            entries => entries.Count == 1, TimeSpan.FromSeconds(30), "identity recorded the institution's suspension");
        var company = await Eventually.GetAsync(() => TrailAsync(admin, $"targetType=company&targetId={companyId}"),
            entries => entries.Count == 1, TimeSpan.FromSeconds(30), "identity recorded the company's suspension");
        Assert.Equal("INSTITUTION_SUSPENDED", institution[0].GetProperty("action").GetString());
        Assert.Equal("감사교육원", institution[0].GetProperty("targetName").GetString());
        Assert.Equal("허위 광고", institution[0].GetProperty("reason").GetString());
        Assert.Equal(admin.UserId, institution[0].GetProperty("adminId").GetGuid());
        Assert.Equal("COMPANY_SUSPENDED", company[0].GetProperty("action").GetString());
        Assert.Equal("대금 미지급", company[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Lists_an_admins_actions_newest_first()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var first = await AdminScenarios.SignedInAsync(platform);
        var second = await AdminScenarios.SignedInAsync(platform);

        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{first.UserId}/suspend", "첫째")).EnsureSuccessStatusCode();
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{second.UserId}/suspend", "둘째")).EnsureSuccessStatusCode();
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{first.UserId}/reinstate", "셋째")).EnsureSuccessStatusCode();

        var trail = await TrailAsync(admin, $"adminId={admin.UserId}");
        Assert.Equal(["셋째", "둘째", "첫째"], trail.Select(e => e.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Records_an_action_once_however_often_it_is_delivered()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var action = new AdminActionRecorded(Guid.CreateVersion7(), admin.UserId, AdminActionKinds.CompanySuspended, AdminTargetTypes.Company,
            Guid.CreateVersion7(), "중복상사", "중복 전달", DateTimeOffset.UtcNow);
        var counter = new ConsumedCounter<AdminActionRecorded>();
        using var observing = platform.Identity.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(counter);
        var bus = platform.Company.Services.GetRequiredService<IBus>();

        // Two publications of one action (a relay retried after the broker took the first): two message ids, one action id.
        var (firstId, secondId) = (NewId.NextGuid(), NewId.NextGuid());
        await bus.Publish(action, context => context.MessageId = firstId);
        await bus.Publish(action, context => context.MessageId = secondId);

        await Eventually.TrueAsync(() => Task.FromResult(counter.CountOf(firstId) == 1 && counter.CountOf(secondId) == 1),
            TimeSpan.FromSeconds(30), "identity consumed both deliveries");
        Assert.Equal(1, await platform.Identity.WithDbAsync(db => db.AdminActions.CountAsync(a => a.Id == action.ActionId)));
    }

    private static async Task<List<JsonElement>> TrailAsync(Person admin, string query) =>
        [.. (await (await admin.Identity.GetAsync($"/identity/v1/admin/actions?{query}")).JsonAsync()).GetProperty("items").EnumerateArray()];
}
