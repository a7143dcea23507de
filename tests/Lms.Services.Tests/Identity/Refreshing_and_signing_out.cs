using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lms.Identity.Sessions;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Refreshing_and_signing_out(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task A_refresh_token_buys_a_new_pair_once()
    {
        var first = await Client.SignedInAsync(platform.Mail);

        var refreshed = await RefreshAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await refreshed.Content.ReadFromJsonAsync<Tokens>();
        Assert.NotEqual(first.RefreshToken, second!.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
    }

    [Fact]
    public async Task Replaying_a_spent_refresh_token_after_the_grace_revokes_the_whole_session()
    {
        var first = await Client.SignedInAsync(platform.Mail);
        var second = await (await RefreshAsync(first.RefreshToken)).Content.ReadFromJsonAsync<Tokens>();
        await PretendItWasSpentSecondsAgoAsync(first.RefreshToken, seconds: 11);

        var replay = await RefreshAsync(first.RefreshToken);
        var newest = await RefreshAsync(second!.RefreshToken);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await newest.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await MeAsync(second.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_tabs_refreshing_with_the_same_token_within_the_grace_both_get_the_same_successor()
    {
        var first = await Client.SignedInAsync(platform.Mail);

        var tabA = await RefreshAsync(first.RefreshToken);
        await PretendItWasSpentSecondsAgoAsync(first.RefreshToken, seconds: 8);
        var tabB = await RefreshAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, tabA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tabB.StatusCode);
        var a = await tabA.Content.ReadFromJsonAsync<Tokens>();
        var b = await tabB.Content.ReadFromJsonAsync<Tokens>();
        Assert.Equal(a!.RefreshToken, b!.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(a.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(b.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(b.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task A_spent_token_replayed_within_the_grace_from_another_address_revokes_the_session()
    {
        var first = await Client.SignedInAsync(platform.Mail);

        var spent = await RefreshAsync(first.RefreshToken, from: "2001:db8:1:2::5");
        var replay = await RefreshAsync(first.RefreshToken, from: "198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        var successor = await spent.Content.ReadFromJsonAsync<Tokens>();
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(successor!.RefreshToken, from: "2001:db8:1:2::5")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await MeAsync(successor.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Within_the_grace_a_client_elsewhere_in_the_same_64_block_gets_the_same_successor()
    {
        var first = await Client.SignedInAsync(platform.Mail);

        var tabA = await RefreshAsync(first.RefreshToken, from: "2001:db8:1:2::5");
        var tabB = await RefreshAsync(first.RefreshToken, from: "2001:db8:1:2:aaaa:bbbb:cccc:9");

        Assert.Equal(HttpStatusCode.OK, tabA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tabB.StatusCode);
        Assert.Equal((await tabA.Content.ReadFromJsonAsync<Tokens>())!.RefreshToken, (await tabB.Content.ReadFromJsonAsync<Tokens>())!.RefreshToken);
    }

    [Fact]
    public async Task Two_tabs_of_one_browser_get_the_same_successor_by_its_client_cookie()
    {
        var (tokens, browser) = await SignInWithCookiesAsync();

        var tabA = await RefreshWithCookiesAsync(tokens.RefreshToken, browser);
        var tabB = await RefreshWithCookiesAsync(tokens.RefreshToken, browser);

        Assert.Equal(HttpStatusCode.OK, tabA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tabB.StatusCode);
        var a = await tabA.Content.ReadFromJsonAsync<Tokens>();
        var b = await tabB.Content.ReadFromJsonAsync<Tokens>();
        Assert.Equal(a!.RefreshToken, b!.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await RefreshWithCookiesAsync(b.RefreshToken, browser)).StatusCode);
    }

    [Theory]
    [InlineData("another-browsers-value")]
    [InlineData(null)]
    public async Task A_spent_refresh_cookie_replayed_within_the_grace_by_another_browser_revokes_the_session(string? replayersClientCookie)
    {
        var (tokens, browser) = await SignInWithCookiesAsync();

        var spent = await RefreshWithCookiesAsync(tokens.RefreshToken, browser);
        var replay = await RefreshWithCookiesAsync(tokens.RefreshToken, replayersClientCookie);

        Assert.Equal(HttpStatusCode.OK, spent.StatusCode);
        var successor = await spent.Content.ReadFromJsonAsync<Tokens>();
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshWithCookiesAsync(successor!.RefreshToken, browser)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await MeAsync(successor.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tabs_refreshing_at_the_same_moment_all_stay_signed_in()
    {
        var first = await Client.SignedInAsync(platform.Mail);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync(first.RefreshToken)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var successors = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<Tokens>()));
        Assert.Single(successors.Select(t => t!.RefreshToken).Distinct());
    }

    [Fact]
    public async Task The_refresh_cookie_works_without_a_body()
    {
        var tokens = await Client.SignedInAsync(platform.Mail);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/token/refresh");
        request.Headers.Add("Cookie", $"lms_refresh={tokens.RefreshToken}");

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task An_unknown_refresh_token_is_401(string token)
    {
        var response = await RefreshAsync(token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_clears_the_cookies()
    {
        var tokens = await Client.SignedInAsync(platform.Mail);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var signedOut = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        var cleared = signedOut.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cleared, c => c.StartsWith("lms_access=;", StringComparison.Ordinal));
        Assert.Contains(cleared, c => c.StartsWith("lms_refresh=;", StringComparison.Ordinal));
        await (await RefreshAsync(tokens.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_announces_the_revoked_session_through_the_outbox()
    {
        var tokens = await Client.SignedInAsync(platform.Mail);
        var sessionId = Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.AccessToken).GetClaim("sid").Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signout");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(request)).StatusCode);

        var stored = await Eventually.GetAsync(
            () => platform.Identity.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .SingleOrDefaultAsync(m => m.Payload.Contains(sessionId.ToString()))),
            m => m?.SentAt is not null, TimeSpan.FromSeconds(20), "the SessionsRevoked row is relayed");
        var announced = Assert.IsType<Lms.Contracts.Identity.SessionsRevoked>(stored!.Deserialize());
        Assert.Equal([sessionId], announced.SessionIds);
    }

    [Fact]
    public async Task A_forged_cross_site_sign_out_riding_the_cookie_is_403_and_the_session_lives_on()
    {
        var tokens = await Client.SignedInAsync(platform.Mail);

        var forged = await SignOutWithCookieAsync(tokens.AccessToken, origin: "https://evil.example");
        var fromTheWebApp = await SignOutWithCookieAsync(tokens.AccessToken, origin: "http://localhost:3000");

        var problem = await forged.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("https://lms.example/problems/cross-site-request", problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NoContent, fromTheWebApp.StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_and_no_one_elses()
    {
        var account = NewAccounts.Unique();
        var laptop = await Client.SignedInAsync(platform.Mail, account);
        var phone = await SignInAgainAsync(account);
        var stranger = await Client.SignedInAsync(platform.Mail);

        var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signout/everywhere");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", laptop.AccessToken);
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("lms_access=;", StringComparison.Ordinal));
        foreach (var ended in new[] { laptop, phone })
        {
            await (await MeAsync(ended.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
            await (await RefreshAsync(ended.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(stranger.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_needs_a_signed_in_caller()
    {
        var response = await Client.PostAsync("/identity/v1/signout/everywhere", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<Tokens> SignInAgainAsync(NewAccount account)
    {
        var response = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    [Fact]
    public async Task Signing_out_without_a_token_is_401()
    {
        var response = await Client.PostAsync("/identity/v1/signout", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> SignOutWithCookieAsync(string accessToken, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/signout");
        request.Headers.Add("Cookie", $"lms_access={accessToken}");
        request.Headers.Add("Origin", origin);
        return Client.SendAsync(request);
    }

    private Task<HttpResponseMessage> MeAsync(string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return Client.SendAsync(request);
    }

    // The grace is ten seconds; move the spending back rather than wait.
    private Task<int> PretendItWasSpentSecondsAgoAsync(string refreshToken, int seconds)
    {
        var hash = RefreshToken.Hash(refreshToken);
        return platform.Identity.WithDbAsync(db => db.RefreshTokens.Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, DateTimeOffset.UtcNow.AddSeconds(-seconds))));
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken });

    /// <summary>A client without cookies (an app calling the API) at the address <paramref name="from"/>.</summary>
    private Task<HttpResponseMessage> RefreshAsync(string refreshToken, string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/token/refresh") { Content = JsonContent.Create(new { refreshToken }) };
        request.Headers.Add(PeerAddress.Header, from);
        return Client.SendAsync(request);
    }

    /// <summary>Signs a new account in as a browser does, keeping the tokens and the browser's client cookie it was given.</summary>
    private async Task<(Tokens Tokens, string Browser)> SignInWithCookiesAsync()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        var signedIn = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Username, password = account.Password });
        signedIn.EnsureSuccessStatusCode();
        var client = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(RefreshClient.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", client, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path={AuthCookies.RefreshPath}", client, StringComparison.OrdinalIgnoreCase);
        var value = client[(RefreshClient.CookieName.Length + 1)..client.IndexOf(';', StringComparison.Ordinal)];
        return ((await signedIn.Content.ReadFromJsonAsync<Tokens>())!, value);
    }

    /// <summary>What a browser sends to the refresh route: the refresh cookie and, unless <paramref name="browser"/> is null, its client cookie.</summary>
    private Task<HttpResponseMessage> RefreshWithCookiesAsync(string refreshToken, string? browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/identity/v1/token/refresh");
        request.Headers.Add("Cookie", browser is null
            ? $"lms_refresh={refreshToken}"
            : $"lms_refresh={refreshToken}; {RefreshClient.CookieName}={browser}");
        return Client.SendAsync(request);
    }
}
