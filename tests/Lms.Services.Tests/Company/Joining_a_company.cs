using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Company;

[Collection(PlatformGroup.Name)]
public sealed class Joining_a_company(Platform platform)
{
    [Fact]
    public async Task A_visitor_whose_confirmed_email_is_at_the_domain_joins_as_an_employee()
    {
        var (companyId, domain, _) = await CompanyScenarios.RegisterAsync(platform);
        var visitor = Caller.Visitor(platform.Company.Client, email: $"lee@{domain}");

        var response = await visitor.PostAsync($"/company/v1/companies/{companyId}/join", new { workEmail = $"LEE@{domain}" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("EMPLOYEE", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Another_domain_is_refused_and_a_typed_work_email_does_not_count()
    {
        var (companyId, domain, _) = await CompanyScenarios.RegisterAsync(platform);
        var outsider = Caller.Visitor(platform.Company.Client, email: "lee@elsewhere.example");

        var byDomain = await outsider.PostAsync($"/company/v1/companies/{companyId}/join", new { });
        var byClaim = await outsider.PostAsync($"/company/v1/companies/{companyId}/join", new { workEmail = $"lee@{domain}" });

        await byDomain.AssertProblemAsync(HttpStatusCode.Forbidden);
        var problem = await byClaim.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("workEmail", out _));
        Assert.False(await platform.Company.WithDbAsync(db => db.Members.AnyAsync(m => m.UserId == outsider.UserId)));
    }

    [Fact]
    public async Task An_invitation_code_lets_in_the_invited_address_once()
    {
        var (companyId, _, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var email = $"guest.{Guid.NewGuid():N}@freelance.example";
        (await supervisor.PostAsync("/company/v1/invitations", new { email })).EnsureSuccessStatusCode();
        var code = await platform.CompanyMail.InvitationCodeForAsync(email);
        var invited = Caller.Visitor(platform.Company.Client, email: email);
        var someoneElse = Caller.Visitor(platform.Company.Client, email: $"other.{Guid.NewGuid():N}@freelance.example");

        var wrongPerson = await someoneElse.PostAsync($"/company/v1/companies/{companyId}/join", new { invitationCode = code });
        var joined = await invited.PostAsync($"/company/v1/companies/{companyId}/join", new { invitationCode = code });
        var reused = await Caller.Visitor(platform.Company.Client, email: email).PostAsync($"/company/v1/companies/{companyId}/join", new { invitationCode = code });

        await wrongPerson.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        await reused.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_member_of_a_company_cannot_join_another()
    {
        var (firstId, firstDomain, _) = await CompanyScenarios.RegisterAsync(platform);
        var (secondId, _, _) = await CompanyScenarios.RegisterAsync(platform);
        var employee = await CompanyScenarios.JoinAsync(platform, firstId, firstDomain);
        var asVisitor = Caller.Visitor(platform.Company.Client, employee.UserId, $"x@{firstDomain}");

        var response = await asVisitor.PostAsync($"/company/v1/companies/{secondId}/join", new { });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Joining_an_unknown_company_is_404()
    {
        var response = await Caller.Visitor(platform.Company.Client, email: "a@b.example").PostAsync($"/company/v1/companies/{Guid.NewGuid()}/join", new { });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
