using System.Net;
using System.Net.Http.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Administration;

[Collection(PlatformGroup.Name)]
public sealed class Suspending_an_account(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task Ends_every_session_at_once_and_refuses_sign_in_and_refresh_saying_the_account_is_suspended()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        var phone = await Client.SignInAsync(person.Account.Username, person.Account.Password);

        var suspended = await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend");

        var view = await suspended.JsonAsync();
        Assert.Equal("SUSPENDED", view.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Identity.GetAsync("/identity/v1/me")).StatusCode);
        foreach (var refreshToken in new[] { person.Tokens.RefreshToken, phone.RefreshToken })
        {
            var refresh = await Client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken });
            await AssertSuspendedAsync(refresh);
        }
        await AssertSuspendedAsync(await SignInAsync(person.Account.Username, person.Account.Password));
    }

    [Fact]
    public async Task Closes_the_persons_live_classrooms_by_announcing_the_revoked_sessions()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);

        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend")).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => platform.Live.WithDbAsync(db => db.RevokedSessions.AnyAsync(r => r.SessionId == person.SessionId)),
            TimeSpan.FromSeconds(30), "the live service knows the suspended person's session is revoked");
    }

    [Fact]
    public async Task Tells_a_wrong_password_apart_from_a_suspension_only_to_someone_who_knows_the_password()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend")).EnsureSuccessStatusCode();

        var guess = await SignInAsync(person.Account.Email, "not the password 1");

        var problem = await guess.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.EndsWith("/invalid-credentials", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Reinstating_lets_the_person_sign_in_again()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend")).EnsureSuccessStatusCode();

        var reinstated = await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/reinstate", "본인 확인 완료");

        Assert.Equal("ACTIVE", (await reinstated.JsonAsync()).GetProperty("state").GetString());
        var signIn = await SignInAsync(person.Account.Username, person.Account.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var tokens = await signIn.Content.ReadFromJsonAsync<Tokens>();
        Assert.Equal(HttpStatusCode.OK, (await new Caller(Client, tokens!.AccessToken).GetAsync("/identity/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_suspend_their_own_account()
    {
        var admin = await AdminScenarios.AdminAsync(platform);

        var refused = await admin.Identity.ActAsync($"/identity/v1/admin/users/{admin.UserId}/suspend");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/own-account", problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.Identity.GetAsync("/identity/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Suspending_a_suspended_account_is_refused_and_recorded_once()
    {
        var admin = await AdminScenarios.AdminAsync(platform);
        var person = await AdminScenarios.SignedInAsync(platform);
        (await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend")).EnsureSuccessStatusCode();

        var again = await admin.Identity.ActAsync($"/identity/v1/admin/users/{person.UserId}/suspend");

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("/already-suspended", problem.GetProperty("type").GetString());
        var trail = await (await admin.Identity.GetAsync($"/identity/v1/admin/actions?targetId={person.UserId}")).JsonAsync();
        Assert.Equal(1, trail.GetProperty("total").GetInt32());
    }

    private Task<HttpResponseMessage> SignInAsync(string login, string password) =>
        Client.PostAsJsonAsync("/identity/v1/signin", new { login, password });

    private static async Task AssertSuspendedAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.EndsWith("/account-suspended", problem.GetProperty("type").GetString());
    }
}
