using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Company;

[Collection(PlatformGroup.Name)]
public sealed class Managing_members(Platform platform)
{
    [Fact]
    public async Task A_supervisor_lists_promotes_and_removes_members()
    {
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, companyId, domain);

        var listed = await (await supervisor.GetAsync("/company/v1/members?size=10")).Content.ReadFromJsonAsync<JsonElement>();
        var promoted = await supervisor.SendAsync(HttpMethod.Patch, $"/company/v1/members/{employee.UserId}", new { role = "SUPERVISOR" });
        var removed = await supervisor.DeleteAsync($"/company/v1/members/{employee.UserId}");

        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        Assert.Equal("SUPERVISOR", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task The_last_supervisor_can_be_neither_demoted_nor_removed()
    {
        var (_, _, supervisor) = await CompanyScenarios.RegisterAsync(platform);

        var demoted = await supervisor.SendAsync(HttpMethod.Patch, $"/company/v1/members/{supervisor.UserId}", new { role = "EMPLOYEE" });
        var removed = await supervisor.DeleteAsync($"/company/v1/members/{supervisor.UserId}");

        await demoted.AssertProblemAsync(HttpStatusCode.Conflict);
        await removed.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_employee_leaves_and_is_then_refused_with_their_old_token()
    {
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, companyId, domain);

        var left = await employee.DeleteAsync("/company/v1/membership");
        var leftAgain = await employee.DeleteAsync("/company/v1/membership");
        var members = await (await supervisor.GetAsync("/company/v1/members")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        await leftAgain.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, members.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_companys_member_is_404_to_this_supervisor()
    {
        var (_, _, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var (otherId, otherDomain, _) = await CompanyScenarios.RegisterAsync(platform);
        var stranger = await CompanyScenarios.JoinAsync(platform, otherId, otherDomain);

        var response = await supervisor.DeleteAsync($"/company/v1/members/{stranger.UserId}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_role_is_a_400()
    {
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, companyId, domain);

        var response = await supervisor.SendAsync(HttpMethod.Patch, $"/company/v1/members/{employee.UserId}", new { role = Roles.Admin });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
