using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Administration;

[Collection(PlatformGroup.Name)]
public sealed class Refusing_bad_admin_input(Platform platform)
{
    /// <summary>Bodies an admin action refuses: no reason, a blank one, one over 500 characters, one of the wrong type, none at all.</summary>
    public static TheoryData<string, string> BadBodies => new()
    {
        { "no reason", "{}" },
        { "a blank reason", """{"reason":"   "}""" },
        { "a reason over 500 characters", $$"""{"reason":"{{new string('가', 501)}}"}""" },
        { "a number for the reason", """{"reason":5}""" },
        { "a list for the reason", """{"reason":["왜"]}""" },
        { "not JSON", "reason=why" },
        { "no body", "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Suspending_an_account_with_a_bad_body_is_a_400_and_changes_nothing(string kind, string body)
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);

        var refused = await SendAsync(platform.Identity.Client, admin.Tokens.AccessToken, $"/identity/v1/admin/users/{person.UserId}/suspend", body);

        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {refused.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await person.Identity.GetAsync("/identity/v1/me")).StatusCode);
        Assert.False(await platform.Identity.WithDbAsync(db => db.AdminActions.AnyAsync(a => a.TargetId == person.UserId)));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Suspending_an_organisation_with_a_bad_body_is_a_400_and_changes_nothing(string kind, string body)
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var (institutionId, _) = await InstitutionScenarios.RegisterAsync(platform, "입력검사교육원");
        var (companyId, _, _) = await CompanyScenarios.RegisterAsync(platform, "입력검사상사");

        var institution = await SendAsync(platform.Institution.Client, AdminScenarios.In(platform.Institution, admin).Token!,
            $"/institution/v1/admin/institutions/{institutionId}/suspend", body);
        var company = await SendAsync(platform.Company.Client, AdminScenarios.In(platform.Company, admin).Token!,
            $"/company/v1/admin/companies/{companyId}/suspend", body);

        Assert.True(institution.StatusCode == HttpStatusCode.BadRequest, $"{kind}: institution {institution.StatusCode}");
        Assert.True(company.StatusCode == HttpStatusCode.BadRequest, $"{kind}: company {company.StatusCode}");
        Assert.Null(await platform.Institution.WithDbAsync(db => db.Institutions.Where(i => i.Id == institutionId).Select(i => i.SuspendedAt).SingleAsync()));
        Assert.Null(await platform.Company.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.SuspendedAt).SingleAsync()));
        Assert.False(await platform.Institution.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Payload.Contains(institutionId.ToString()) && m.MessageType.Contains("AdminAction"))));
        Assert.False(await platform.Company.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Payload.Contains(companyId.ToString()) && m.MessageType.Contains("AdminAction"))));
    }

    [Fact]
    public async Task A_reason_of_exactly_500_characters_is_taken_whole()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        var reason = new string('나', 500);

        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend", reason)).EnsureSuccessStatusCode();

        var recorded = await platform.Identity.WithDbAsync(db => db.AdminActions.Where(a => a.TargetId == person.UserId).Select(a => a.Reason).SingleAsync());
        Assert.Equal(reason, recorded);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_in_every_service()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var unknown = Guid.CreateVersion7();

        var answers = new[]
        {
            await admin.Identity.ActAsync($"/identity/v1/admin/users/{unknown}/suspend"),
            await admin.Identity.ActAsync($"/identity/v1/admin/users/{unknown}/grant-admin"),
            await admin.Identity.GetAsync($"/identity/v1/admin/users/{unknown}"),
            await AdminScenarios.In(platform.Institution, admin).ActAsync($"/institution/v1/admin/institutions/{unknown}/suspend"),
            await AdminScenarios.In(platform.Institution, admin).GetAsync($"/institution/v1/admin/institutions/{unknown}"),
            await AdminScenarios.In(platform.Company, admin).ActAsync($"/company/v1/admin/companies/{unknown}/reinstate"),
            await AdminScenarios.In(platform.Company, admin).GetAsync($"/company/v1/admin/companies/{unknown}"),
        };

        foreach (var answer in answers)
        {
            await answer.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.False(await platform.Identity.WithDbAsync(db => db.AdminActions.AnyAsync(a => a.TargetId == unknown)));
    }

    [Theory]
    [InlineData("/identity/v1/admin/users?state=DELETED")]
    [InlineData("/identity/v1/admin/users?role=Root")]
    [InlineData("/identity/v1/admin/users?size=0")]
    [InlineData("/identity/v1/admin/users?page=first")]
    [InlineData("/identity/v1/admin/actions?targetId=not-a-uuid")]
    [InlineData("/identity/v1/admin/actions?targetType=course")]
    public async Task A_bad_filter_is_a_400(string path)
    {
        var admin = await AdminScenarios.AdminAsync(platform);

        await (await admin.Identity.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("institution", "/institution/v1/admin/institutions?state=CLOSED")]
    [InlineData("institution", "/institution/v1/admin/institutions?size=1000")]
    [InlineData("company", "/company/v1/admin/companies?state=CLOSED")]
    [InlineData("company", "/company/v1/admin/companies?q=" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij"
                           + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "x")]
    public async Task A_bad_organisation_filter_is_a_400(string service, string path)
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var host = service == "institution" ? (IServiceHost)platform.Institution : platform.Company;

        await (await AdminScenarios.In(host, admin).GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body.Length == 0 ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
