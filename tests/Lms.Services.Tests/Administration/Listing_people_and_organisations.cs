using System.Net;
using System.Text.Json;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Administration;

[Collection(PlatformGroup.Name)]
public sealed class Listing_people_and_organisations(Platform platform)
{
    [Fact]
    public async Task Finds_a_person_by_part_of_their_email_username_or_name_with_roles_and_state()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var name = $"찾을사람{Random.Shared.Next(100_000, 999_999)}";
        var person = await AdminScenarios.SignedInAsync(platform, name);
        var tag = person.Account.Username["user_".Length..];

        foreach (var part in new[] { tag[2..9], person.Account.Email[..12], name[1..] })
        {
            var page = await (await admin.Identity.GetAsync($"/identity/v1/admin/users?q={Uri.EscapeDataString(part)}")).JsonAsync();
            var found = Assert.Single(page.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == person.UserId);
            Assert.Equal(person.Account.Email, found.GetProperty("email").GetString());
            Assert.Equal(name, found.GetProperty("name").GetString());
            Assert.Equal("ACTIVE", found.GetProperty("state").GetString());
            Assert.Equal(["Visitor"], found.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        }
    }

    [Fact]
    public async Task Filters_people_by_state_and_role()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend")).EnsureSuccessStatusCode();
        var q = Uri.EscapeDataString(person.Account.Email);
        var adminQ = Uri.EscapeDataString(admin.Account.Email);

        Assert.Equal(1, await TotalAsync(admin, $"/identity/v1/admin/users?q={q}&state=SUSPENDED"));
        Assert.Equal(0, await TotalAsync(admin, $"/identity/v1/admin/users?q={q}&state=ACTIVE"));
        Assert.Equal(1, await TotalAsync(admin, $"/identity/v1/admin/users?q={adminQ}&role=Admin"));
        Assert.Equal(0, await TotalAsync(admin, $"/identity/v1/admin/users?q={q}&role=Admin"));
        Assert.Equal(1, await TotalAsync(admin, $"/identity/v1/admin/users?q={q}&role=Visitor"));
    }

    [Fact]
    public async Task Shows_a_persons_organisation()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var manager = await AdminScenarios.WithRoleAsync(platform, "InstitutionManager");

        var view = await (await admin.Identity.GetAsync($"/identity/v1/admin/users/{manager.UserId}")).JsonAsync();

        Assert.Equal(["InstitutionManager"], view.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("institution", view.GetProperty("organisationType").GetString());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("organisationId").ValueKind);
    }

    [Fact]
    public async Task Finds_institutions_and_companies_by_name_with_their_standing()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var tag = $"{Random.Shared.Next(100_000, 999_999)}";
        var (institutionId, _) = await InstitutionScenarios.RegisterAsync(platform, $"검색교육원{tag}");
        var (companyId, domain, _) = await CompanyScenarios.RegisterAsync(platform, $"검색상사{tag}");
        var institutions = AdminScenarios.In(platform.Institution, admin);
        var companies = AdminScenarios.In(platform.Company, admin);

        var institution = await (await institutions.GetAsync($"/institution/v1/admin/institutions?q={Uri.EscapeDataString($"교육원{tag}")}")).JsonAsync();
        var company = await (await companies.GetAsync($"/company/v1/admin/companies?q={Uri.EscapeDataString($"상사{tag}")}")).JsonAsync();
        var byDomain = await (await companies.GetAsync($"/company/v1/admin/companies?q={Uri.EscapeDataString(domain)}")).JsonAsync();

        var foundInstitution = Assert.Single(institution.GetProperty("items").EnumerateArray());
        Assert.Equal(institutionId, foundInstitution.GetProperty("id").GetGuid());
        Assert.Equal("ACTIVE", foundInstitution.GetProperty("state").GetString());
        Assert.Equal(1, foundInstitution.GetProperty("managerCount").GetInt32());
        var foundCompany = Assert.Single(company.GetProperty("items").EnumerateArray());
        Assert.Equal(companyId, foundCompany.GetProperty("id").GetGuid());
        Assert.Equal(1, foundCompany.GetProperty("memberCount").GetInt32());
        Assert.Equal(companyId, Assert.Single(byDomain.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Shows_an_institution_with_its_managers_and_a_company_with_its_supervisors()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, "상세교육원");
        var (companyId, _, supervisor) = await CompanyScenarios.RegisterAsync(platform, "상세상사");

        var institution = await (await AdminScenarios.In(platform.Institution, admin).GetAsync($"/institution/v1/admin/institutions/{institutionId}")).JsonAsync();
        var company = await (await AdminScenarios.In(platform.Company, admin).GetAsync($"/company/v1/admin/companies/{companyId}")).JsonAsync();

        Assert.Equal(manager.UserId, Assert.Single(institution.GetProperty("managers").EnumerateArray()).GetProperty("userId").GetGuid());
        Assert.Equal(supervisor.UserId, Assert.Single(company.GetProperty("supervisors").EnumerateArray()).GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Lists_are_paged_and_bounded()
    {
        var admin = await AdminScenarios.AdminAsync(platform);

        var page = await (await admin.Identity.GetAsync("/identity/v1/admin/users?page=1&size=2")).JsonAsync();
        var tooBig = await admin.Identity.GetAsync("/identity/v1/admin/users?size=101");

        Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
        Assert.Equal(2, page.GetProperty("size").GetInt32());
        await tooBig.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<int> TotalAsync(Person admin, string path) =>
        (await (await admin.Identity.GetAsync(path)).JsonAsync()).GetProperty("total").GetInt32();
}
