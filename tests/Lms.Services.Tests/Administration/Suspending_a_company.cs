using System.Net;
using System.Text.Json;
using Lms.Services.Tests.Company;
using Lms.Services.Tests.Provision;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Administration;

[Collection(PlatformGroup.Name)]
public sealed class Suspending_a_company(Platform platform)
{
    [Fact]
    public async Task Its_supervisor_keeps_the_account_but_cannot_request_a_course_until_reinstated()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var companies = AdminScenarios.In(platform.Company, admin);

        var suspended = await companies.ActAsync($"/company/v1/admin/companies/{parties.CompanyId}/suspend");

        Assert.Equal("SUSPENDED", (await suspended.JsonAsync()).GetProperty("state").GetString());
        var mine = await (await parties.Supervisor.GetAsync("/company/v1/companies/mine")).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, mine.GetProperty("suspendedAt").ValueKind);
        var refused = await parties.Supervisor.PostAsync("/company/v1/course-provides", ProvisionScenarios.Terms(parties.CourseId));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/company-suspended", problem.GetProperty("type").GetString());
        Assert.False(await platform.Company.WithDbAsync(db => db.Provisions.AnyAsync(p => p.CompanyId == parties.CompanyId)));

        (await companies.ActAsync($"/company/v1/admin/companies/{parties.CompanyId}/reinstate", "소명 완료")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created,
            (await parties.Supervisor.PostAsync("/company/v1/course-provides", ProvisionScenarios.Terms(parties.CourseId))).StatusCode);
    }

    [Fact]
    public async Task Its_pending_request_cannot_be_accepted_but_can_be_declined()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var first = await ProvisionScenarios.RequestAsync(parties);
        var second = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, first, "REQUESTED");
        await ProvisionScenarios.InstitutionSeesAsync(platform, second, "REQUESTED");
        (await AdminScenarios.In(platform.Company, admin).ActAsync($"/company/v1/admin/companies/{parties.CompanyId}/suspend")).EnsureSuccessStatusCode();

        var accept = await parties.Manager.PostAsync($"/institution/v1/course-provides/{first}/accept");
        var decline = await parties.Manager.PostAsync($"/institution/v1/course-provides/{second}/decline", new { reason = "거래 중단" });

        var problem = await accept.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("suspended", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("REQUESTED", problem.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, decline.StatusCode);
    }

    [Fact]
    public async Task A_contract_already_accepted_runs_on_and_its_learners_are_enrolled()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, parties.CompanyId, parties.Domain);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        (await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/accept")).EnsureSuccessStatusCode();
        (await AdminScenarios.In(platform.Company, admin).ActAsync($"/company/v1/admin/companies/{parties.CompanyId}/suspend")).EnsureSuccessStatusCode();

        (await parties.Supervisor.PutAsync($"/company/v1/course-provides/{provisionId}/roster", new { userIds = new[] { employee.UserId } }))
            .EnsureSuccessStatusCode();
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "ROSTER_SUBMITTED");
        var approved = await parties.Manager.PostAsync($"/institution/v1/course-provides/{provisionId}/approve-roster");

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await Eventually.TrueAsync(
            () => platform.Student.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.ProvisionId == provisionId && e.UserId == employee.UserId)),
            TimeSpan.FromSeconds(30), "the employee is enrolled");
    }
}
