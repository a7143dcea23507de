using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Company;

[Collection(PlatformGroup.Name)]
public sealed class Registering_and_finding_a_company(Platform platform)
{
    [Fact]
    public async Task Makes_the_visitor_its_supervisor()
    {
        var (_, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform, "가나다 주식회사");

        var mine = await (await supervisor.GetAsync("/company/v1/companies/mine")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(domain, mine.GetProperty("emailDomain").GetString());
        var member = Assert.Single(mine.GetProperty("members").EnumerateArray());
        Assert.Equal("SUPERVISOR", member.GetProperty("role").GetString());
        Assert.Equal(supervisor.UserId, member.GetProperty("userId").GetGuid());
    }

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("naver.com")]
    [InlineData("not a domain")]
    [InlineData("@corp.co.kr")]
    public async Task Refuses_a_public_or_malformed_email_domain(string domain)
    {
        var response = await Caller.Visitor(platform.Company.Client).PostAsync("/company/v1/companies", CompanyScenarios.NewCompany(domain));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("emailDomain", out _));
    }

    [Fact]
    public async Task Refuses_a_domain_another_company_has_and_stores_nothing()
    {
        var (_, domain, _) = await CompanyScenarios.RegisterAsync(platform);

        var copycat = Caller.Visitor(platform.Company.Client, email: $"copycat@{domain}");

        var response = await copycat.PostAsync("/company/v1/companies", CompanyScenarios.NewCompany(domain, "따라쟁이"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain("주식회사 테스트", problem.ToString(), StringComparison.Ordinal);
        Assert.False(await platform.Company.WithDbAsync(db => db.Companies.AnyAsync(c => c.Name == "따라쟁이")));
    }

    [Fact]
    public async Task Refuses_a_domain_the_founders_confirmed_email_is_not_at_and_stores_nothing()
    {
        var domain = CompanyScenarios.NewDomain();
        var outsider = Caller.Visitor(platform.Company.Client, email: $"someone@{CompanyScenarios.NewDomain()}");

        var response = await outsider.PostAsync("/company/v1/companies", CompanyScenarios.NewCompany(domain, "남의 도메인"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("emailDomain", out _));
        Assert.False(await platform.Company.WithDbAsync(db => db.Companies.AnyAsync(c => c.EmailDomain == domain)));
    }

    [Fact]
    public async Task Changing_the_domain_needs_the_supervisors_email_at_the_new_one()
    {
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var elsewhere = CompanyScenarios.NewDomain();

        var response = await supervisor.PutAsync("/company/v1/companies/mine", CompanyScenarios.NewCompany(elsewhere));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("emailDomain", out _));
        Assert.Equal(domain, await platform.Company.WithDbAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.EmailDomain).SingleAsync()));
    }

    [Fact]
    public async Task Anyone_signed_in_finds_it_by_name_and_checks_an_email_against_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (companyId, domain, _) = await CompanyScenarios.RegisterAsync(platform, $"검색회사 {tag}");
        var visitor = Caller.Visitor(platform.Company.Client);

        var found = await (await visitor.GetAsync($"/company/v1/companies?q={tag}")).Content.ReadFromJsonAsync<JsonElement>();
        var match = await (await visitor.GetAsync($"/company/v1/companies/email-check?email=kim@{domain}")).Content.ReadFromJsonAsync<JsonElement>();
        var noMatch = await (await visitor.GetAsync("/company/v1/companies/email-check?email=kim@elsewhere.example")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(companyId, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.True(match.GetProperty("matches").GetBoolean());
        Assert.Equal(companyId, match.GetProperty("companyId").GetGuid());
        Assert.False(noMatch.GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task A_company_id_in_the_body_is_ignored_the_caller_comes_from_the_token()
    {
        var (companyId, domain, supervisor) = await CompanyScenarios.RegisterAsync(platform);
        var (otherId, _, _) = await CompanyScenarios.RegisterAsync(platform);
        var body = JsonSerializer.SerializeToElement(CompanyScenarios.NewCompany(domain, "바뀐 이름"), JsonSerializerOptions.Web)
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.ToString());
        body["id"] = otherId.ToString();
        body["companyId"] = otherId.ToString();

        var response = await supervisor.PutAsync("/company/v1/companies/mine", body);

        Assert.Equal(companyId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.NotEqual("바뀐 이름", await platform.Company.WithDbAsync(db => db.Companies.Where(c => c.Id == otherId).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_new_supervisor_gets_the_role_in_the_next_token()
    {
        var domain = CompanyScenarios.NewDomain();
        var account = NewAccounts.Unique() with { Email = $"founder@{domain}" };
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await platform.Identity.Client.SignInAsync(account.Email, account.Password);
        var founder = Caller.Visitor(platform.Company.Client, created.UserId, account.Email);

        (await founder.PostAsync("/company/v1/companies", CompanyScenarios.NewCompany(domain))).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () =>
        {
            var refreshed = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/token/refresh", new { tokens.RefreshToken });
            tokens = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
            return new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken).Claims
                .Any(c => c.Type == "role" && c.Value == Roles.CompanySupervisor);
        }, TimeSpan.FromSeconds(30), "the refreshed token says CompanySupervisor");
    }
}
