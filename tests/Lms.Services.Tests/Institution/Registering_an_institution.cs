using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Lms.ServiceDefaults.Security;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Services.Tests.Institution;

[Collection(PlatformGroup.Name)]
public sealed class Registering_an_institution(Platform platform)
{
    [Fact]
    public async Task Makes_the_visitor_its_manager_and_their_next_token_says_so()
    {
        var account = NewAccounts.Unique();
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await platform.Identity.Client.SignInAsync(account.Email, account.Password);
        var founder = Caller.Visitor(platform.Institution.Client, created.UserId);

        var response = await founder.PostAsync("/institution/v1/institutions", InstitutionScenarios.NewInstitution("새싹교육원"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var institutionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var token = await Eventually.GetAsync(async () =>
        {
            var refreshed = await platform.Identity.Client.PostAsJsonAsync("/identity/v1/token/refresh", new { tokens.RefreshToken });
            tokens = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
            return new JsonWebToken(tokens.AccessToken);
        }, t => t.TryGetClaim("org_id", out _), TimeSpan.FromSeconds(30), "the refreshed token carries the institution");
        Assert.Equal(institutionId.ToString(), token.GetClaim("org_id").Value);
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == Roles.InstitutionManager);
    }

    [Fact]
    public async Task The_manager_sees_and_edits_it_and_anyone_signed_in_sees_its_public_profile()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform, "보기교육원");

        var mine = await manager.GetAsync("/institution/v1/institutions/mine");
        var edited = await manager.PutAsync("/institution/v1/institutions/mine", InstitutionScenarios.NewInstitution("고친교육원"));
        var seen = await Caller.As(platform.Institution.Client, Roles.Employee).GetAsync($"/institution/v1/institutions/{institutionId}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("고친교육원", (await seen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901")]
    [InlineData("123-45-6789a")]
    public async Task Refuses_a_business_number_that_is_not_ten_digits(string businessNumber)
    {
        var request = JsonSerializer.SerializeToElement(InstitutionScenarios.NewInstitution(), JsonSerializerOptions.Web);
        var body = request.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.ToString());
        body["businessNumber"] = businessNumber;

        var response = await Caller.Visitor(platform.Institution.Client).PostAsync("/institution/v1/institutions", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("businessNumber", out _));
    }

    [Fact]
    public async Task Refuses_a_business_number_already_registered_and_stores_nothing()
    {
        var first = InstitutionScenarios.NewInstitution();
        (await Caller.Visitor(platform.Institution.Client).PostAsync("/institution/v1/institutions", first)).EnsureSuccessStatusCode();
        var body = JsonSerializer.SerializeToElement(first, JsonSerializerOptions.Web).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value.ToString());
        body["certifiedNumber"] = $"OTHER-{Guid.NewGuid():N}"[..20];
        body["name"] = "중복교육원";

        var response = await Caller.Visitor(platform.Institution.Client).PostAsync("/institution/v1/institutions", body);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(await platform.Institution.WithDbAsync(db => db.Institutions.AnyAsync(i => i.Name == "중복교육원")));
    }

    [Fact]
    public async Task A_manager_cannot_register_a_second_institution()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var asVisitorAgain = Caller.Visitor(platform.Institution.Client, manager.UserId);

        var response = await asVisitorAgain.PostAsync("/institution/v1/institutions", InstitutionScenarios.NewInstitution());

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_institution_is_404()
    {
        var response = await Caller.Visitor(platform.Institution.Client).GetAsync($"/institution/v1/institutions/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
