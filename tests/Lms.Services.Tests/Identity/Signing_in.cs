using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Identity.Keys;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Signing_in(Platform platform)
{
    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task By_email_or_username_returns_tokens_and_sets_httponly_cookies()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);

        var byEmail = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password });
        var byUsername = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Username.ToUpperInvariant(), password = account.Password });

        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byUsername.StatusCode);
        var tokens = await byEmail.Content.ReadFromJsonAsync<Tokens>();
        Assert.Equal(900, tokens!.ExpiresIn);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        var cookies = byEmail.Headers.GetValues("Set-Cookie").ToList();
        var access = Assert.Single(cookies, c => c.StartsWith("lms_access=", StringComparison.Ordinal));
        var refresh = Assert.Single(cookies, c => c.StartsWith("lms_refresh=", StringComparison.Ordinal));
        Assert.Contains("httponly", access, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", access, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/identity/v1/token/refresh", refresh, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", refresh, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_access_token_is_rs256_signed_by_a_published_key_and_says_who_the_caller_is()
    {
        var account = NewAccounts.Unique("한지민");
        var created = await Client.SignUpConfirmedAsync(platform.Mail, account);
        var tokens = await Client.SignInAsync(account.Email, account.Password);

        var metadata = await Client.GetFromJsonAsync<JsonElement>("/identity/v1/.well-known/openid-configuration");
        var jwksUri = new Uri(metadata.GetProperty("jwks_uri").GetString()!);
        var jwks = new JsonWebKeySet(await Client.GetStringAsync(jwksUri.PathAndQuery));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = metadata.GetProperty("issuer").GetString(),
            ValidAudience = TestTokens.Audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(created.UserId.ToString(), token.Subject);
        Assert.Equal("한지민", token.GetClaim("name").Value);
        Assert.Equal(account.Email, token.GetClaim("email").Value);
        Assert.Equal(["Visitor"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.False(token.TryGetClaim("org_id", out _));
        Assert.True((token.ValidTo - token.ValidFrom).TotalMinutes is > 14 and <= 15);
    }

    [Fact]
    public async Task Keeps_signing_with_the_same_key_across_restarts()
    {
        var keys = (SigningKeyStore)platform.Identity.Services.GetService(typeof(SigningKeyStore))!;
        var before = (await keys.GetAsync(CancellationToken.None)).Active.KeyId;

        var restarted = ActivatorUtilities.CreateInstance<SigningKeyStore>(platform.Identity.Services);
        var reloaded = (await restarted.GetAsync(CancellationToken.None)).Active.KeyId;

        Assert.Equal(before, reloaded);
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_login_and_an_unconfirmed_account_look_the_same()
    {
        var confirmed = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, confirmed);
        var unconfirmed = NewAccounts.Unique();
        await Client.SignUpAsync(unconfirmed);

        var answers = new[]
        {
            await Client.PostAsJsonAsync("/identity/v1/signin", new { login = confirmed.Email, password = "wrong password 1" }),
            await Client.PostAsJsonAsync("/identity/v1/signin", new { login = $"nobody{Guid.NewGuid():N}", password = "wrong password 1" }),
            await Client.PostAsJsonAsync("/identity/v1/signin", new { login = unconfirmed.Email, password = unconfirmed.Password }),
        };

        var problems = new List<string>();
        foreach (var answer in answers)
        {
            var problem = await answer.AssertProblemAsync(HttpStatusCode.Unauthorized);
            problems.Add($"{problem.GetProperty("type")}|{problem.GetProperty("title")}");
        }
        Assert.Single(problems.Distinct());
    }

    [Fact]
    public async Task Locks_the_account_after_five_failures_even_against_the_right_password()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var failed = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = "wrong password 1" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        var fifth = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = "wrong password 1" });
        var right = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password });

        await fifth.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task A_lockout_by_someone_elses_wrong_passwords_does_not_end_the_owners_signed_in_session()
    {
        var account = NewAccounts.Unique();
        await Client.SignUpConfirmedAsync(platform.Mail, account);
        var signedIn = await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password });
        var refreshToken = (await signedIn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("refreshToken").GetString();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = "someone guessing 1" });
        }
        var refreshed = await Client.PostAsJsonAsync("/identity/v1/token/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        await (await Client.PostAsJsonAsync("/identity/v1/signin", new { login = account.Email, password = account.Password }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
