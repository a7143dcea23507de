using System.Net;
using System.Net.Http.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Services.Tests.Administration;

[Collection(PlatformGroup.Name)]
public sealed class Granting_and_revoking_the_admin_role(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task A_granted_admin_finds_the_role_in_the_next_token_and_can_administer()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var colleague = await AdminScenarios.SignedInAsync(platform, "박운영");

        var granted = await admin.Identity.ActAsync($"/identity/v1/admin/users/{colleague.UserId}/grant-admin", "운영팀 합류");

        Assert.Contains("Admin", (await granted.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var refreshed = await (await Client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken = colleague.Tokens.RefreshToken }))
            .Content.ReadFromJsonAsync<Tokens>();
        Assert.Contains("Admin", new JsonWebToken(refreshed!.AccessToken).Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(HttpStatusCode.OK, (await new Caller(Client, refreshed.AccessToken).GetAsync("/identity/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Revoking_ends_the_sessions_and_the_next_sign_in_carries_no_admin_role()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var other = await AdminScenarios.AdminAsync(platform);

        var revoked = await admin.Identity.ActAsync($"/identity/v1/admin/users/{other.UserId}/revoke-admin", "퇴사");

        Assert.DoesNotContain("Admin", (await revoked.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Identity.GetAsync("/identity/v1/admin/users")).StatusCode);
        var again = await Client.SignInAsync(other.Account.Username, other.Account.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await new Caller(Client, again.AccessToken).GetAsync("/identity/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_revoke_their_own_role_so_the_platform_keeps_one()
    {
        var admin = await AdminScenarios.AdminAsync(platform);

        var refused = await admin.Identity.ActAsync($"/identity/v1/admin/users/{admin.UserId}/revoke-admin");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/own-account", problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.Identity.GetAsync("/identity/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_admin_whose_token_is_still_fresh_cannot_act_any_more()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var other = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{other.UserId}/revoke-admin", "권한 정리")).EnsureSuccessStatusCode();

        var late = await other.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend");

        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        var view = await (await admin.Identity.GetAsync($"/identity/v1/admin/users/{person.UserId}")).JsonAsync();
        Assert.Equal("ACTIVE", view.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_role_is_given_only_to_an_active_account()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend")).EnsureSuccessStatusCode();

        var refused = await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/grant-admin");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/account-not-active", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Granting_twice_or_revoking_from_a_non_admin_is_refused()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var other = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);

        var twice = await admin.Identity.ActAsync($"/identity/v1/admin/users/{other.UserId}/grant-admin");
        var notAdmin = await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/revoke-admin");

        Assert.EndsWith("/already-admin", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        Assert.EndsWith("/not-admin", (await notAdmin.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
    }
}
