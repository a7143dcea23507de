using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Signing_in_with_Google(Platform platform)
{
    private readonly HttpClient _browser = platform.Identity.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_sign_in_page_learns_which_providers_are_configured_without_starting_a_sign_in()
    {
        var response = await _browser.GetAsync("/identity/v1/external/providers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["google"], body.GetProperty("providers").EnumerateArray().Select(p => p.GetString()));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Starting_sends_the_browser_to_the_provider_with_state_and_a_pkce_challenge()
    {
        var response = await _browser.GetAsync("/identity/v1/external/google?mode=signup");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith($"{platform.Google.BaseUrl}/authorize", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(FakeOAuthProvider.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal($"{TestTokens.Issuer}/external/google/callback", query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
    }

    [Fact]
    public async Task A_new_person_signs_up_and_is_signed_in_by_cookies_without_ever_seeing_the_provider_tokens()
    {
        var email = $"g.{Guid.NewGuid():N}@gmail.test";

        var callback = await CompleteAsync("signup", subject: Guid.NewGuid().ToString("N"), email, "구글 사용자");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("https://app.test/signed-in", callback.Headers.Location?.ToString());
        var me = await MeWithCookieAsync(callback);
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(["Visitor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_same_google_account_signs_in_to_the_same_user_afterwards()
    {
        var subject = Guid.NewGuid().ToString("N");
        var email = $"g.{Guid.NewGuid():N}@gmail.test";
        var first = await MeWithCookieAsync(await CompleteAsync("signup", subject, email, "처음"));

        var again = await MeWithCookieAsync(await CompleteAsync("signin", subject, email, "처음"));

        Assert.Equal(first.GetProperty("userId").GetGuid(), again.GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task A_verified_google_email_links_to_the_existing_account_with_that_email()
    {
        var account = NewAccounts.Unique();
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, account);

        var me = await MeWithCookieAsync(await CompleteAsync("signin", Guid.NewGuid().ToString("N"), account.Email, account.Name));

        Assert.Equal(created.UserId, me.GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_google_account_is_refused_and_creates_nothing()
    {
        var email = $"g.{Guid.NewGuid():N}@gmail.test";

        var callback = await CompleteAsync("signin", Guid.NewGuid().ToString("N"), email, "모름");

        await callback.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await platform.Identity.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.Email == email))));
    }

    [Fact]
    public async Task A_callback_with_an_unknown_or_reused_state_is_refused()
    {
        var start = await _browser.GetAsync("/identity/v1/external/google?mode=signup");
        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        var code = platform.Google.Approve(query["code_challenge"]!, Guid.NewGuid().ToString("N"), $"g.{Guid.NewGuid():N}@gmail.test", "x");
        var first = await _browser.GetAsync($"/identity/v1/external/google/callback?code={code}&state={query["state"]}");

        var reused = await _browser.GetAsync($"/identity/v1/external/google/callback?code={code}&state={query["state"]}");
        var forged = await _browser.GetAsync($"/identity/v1/external/google/callback?code={code}&state=forged");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await reused.AssertProblemAsync(HttpStatusCode.BadRequest);
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_callback_in_a_browser_that_did_not_start_the_sign_in_is_refused()
    {
        var start = await _browser.GetAsync("/identity/v1/external/google?mode=signup");
        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        var code = platform.Google.Approve(query["code_challenge"]!, Guid.NewGuid().ToString("N"), $"g.{Guid.NewGuid():N}@gmail.test", "x");
        using var victim = platform.Identity.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await victim.GetAsync($"/identity/v1/external/google/callback?code={code}&state={Uri.EscapeDataString(query["state"]!)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("lms_access=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_code_the_provider_does_not_honour_is_refused()
    {
        var start = await _browser.GetAsync("/identity/v1/external/google?mode=signup");
        var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"];

        var callback = await _browser.GetAsync($"/identity/v1/external/google/callback?code=made-up&state={state}");

        await callback.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/identity/v1/external/github")]
    [InlineData("/identity/v1/external/github/callback?code=x&state=y")]
    public async Task A_provider_that_is_not_configured_does_not_exist(string path)
    {
        var response = await _browser.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_mode_is_a_400()
    {
        var response = await _browser.GetAsync("/identity/v1/external/google?mode=sideways");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    // The browser's round trip: start, approve at the provider, come back with the code.
    private async Task<HttpResponseMessage> CompleteAsync(string mode, string subject, string email, string name)
    {
        var start = await _browser.GetAsync($"/identity/v1/external/google?mode={mode}");
        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        var code = platform.Google.Approve(query["code_challenge"]!, subject, email, name);
        return await _browser.GetAsync($"/identity/v1/external/google/callback?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
    }

    private async Task<JsonElement> MeWithCookieAsync(HttpResponseMessage callback)
    {
        var access = callback.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lms_access=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v1/me");
        request.Headers.Add("Cookie", access.Split(';')[0]);
        var response = await _browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
