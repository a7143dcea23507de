using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Testing;

namespace Lms.EndToEnd.Tests;

public sealed class A_person_signing_up_and_in
{
    [Fact]
    public async Task Signs_up_confirms_signs_in_stays_signed_in_and_signs_out()
    {
        using var client = RunningPlatform.NewClient();
        var person = RunningPlatform.NewSignUp("윤하늘");

        var signedUp = await client.PostAsJsonAsync("/identity/v1/signup", person);
        Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);

        var code = await RunningPlatform.Mail.ConfirmationCodeForAsync(person.Email);
        var confirmed = await client.PostAsJsonAsync("/identity/v1/confirm", new { person.Email, code });
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);

        var signedIn = await client.PostAsJsonAsync("/identity/v1/signin", new { login = person.Username, person.Password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var tokens = await signedIn.Content.ReadFromJsonAsync<JsonElement>();

        var me = await GetMeAsync(client, tokens.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(person.Email, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        var refreshed = await client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await refreshed.Content.ReadFromJsonAsync<JsonElement>();

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signout");
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);

        var afterSignOut = await client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken = renewed.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task A_browser_is_kept_signed_in_by_its_cookies_alone()
    {
        using var browser = RunningPlatform.NewBrowser();
        var person = RunningPlatform.NewSignUp();
        await browser.PostAsJsonAsync("/identity/v1/signup", person);
        var code = await RunningPlatform.Mail.ConfirmationCodeForAsync(person.Email);
        await browser.PostAsJsonAsync("/identity/v1/confirm", new { person.Email, code });

        var signedIn = await browser.PostAsJsonAsync("/identity/v1/signin", new { login = person.Email, person.Password });
        var me = await browser.GetAsync("/identity/v1/me");
        var refreshed = await browser.PostAsync("/identity/v1/token/refresh", null);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    // Forged tokens against every service's routes, /identity/v1/me among them: Forging_tokens_for_every_service.

    [Fact]
    public async Task A_genuine_token_passes_the_gateway()
    {
        using var client = RunningPlatform.NewClient();
        var person = RunningPlatform.NewSignUp();
        var userId = await RunningPlatform.SignUpAsync(person);
        var code = await RunningPlatform.Mail.ConfirmationCodeForAsync(person.Email);
        (await client.PostAsJsonAsync("/identity/v1/confirm", new { person.Email, code })).EnsureSuccessStatusCode();
        var signedIn = await client.PostAsJsonAsync("/identity/v1/signin", new { login = person.Email, person.Password });
        var issued = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(
            (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var key = await RunningPlatform.IdentitySigningKeyAsync();

        // The identity service accepts a token only while its session (sid) is live.
        var response = await GetMeAsync(client, ForgedTokens.Genuine(key, RunningPlatform.Issuer, RunningPlatform.Audience, userId,
            issued.GetClaim("sid").Value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> GetMeAsync(HttpClient client, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.SendAsync(request);
    }
}
