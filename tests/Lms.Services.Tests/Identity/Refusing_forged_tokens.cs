using System.Net;
using System.Net.Http.Headers;
using Lms.Identity.Keys;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Services.Tests.Identity;

/// <summary>
/// Every service, asked directly (as a caller inside the network would, past the gateway), refuses every kind of forged
/// token on a route that needs one with 401 problem details. The identity service validates the tokens it issues
/// itself; the others trust the test key here (as they trust the identity service's JWKS in production).
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Refusing_forged_tokens(Platform platform)
{
    /// <summary>One route per service that needs a token (any role), with a made-up id where it takes one.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProtectedRoutes = new Dictionary<string, string>
    {
        ["identity"] = "/identity/v1/me",
        ["institution"] = "/institution/v1/catalog",
        ["company"] = "/company/v1/companies",
        ["student"] = "/student/v1/certificates",
        ["content"] = $"/content/v1/files/{Guid.NewGuid()}",
        ["live"] = $"/live/v1/sessions/{Guid.NewGuid()}",
        ["board"] = "/board/v1/posts/mine",
    };

    public static TheoryData<string, string> EveryServiceAndKind()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in ProtectedRoutes.Keys)
        {
            foreach (var kind in ForgedTokens.Kinds)
            {
                data.Add(service, kind);
            }
        }
        return data;
    }

    public static TheoryData<string> OtherServices => [.. ProtectedRoutes.Keys.Where(s => s != "identity")];

    [Fact]
    public async Task A_genuine_token_made_with_the_service_key_for_a_live_session_is_accepted()
    {
        var account = NewAccounts.Unique();
        var signedIn = await platform.Identity.Client.SignedInAsync(platform.Mail, account);
        var issued = new JsonWebToken(signedIn.AccessToken);
        var key = await IdentityKeyAsync();

        var response = await GetAsync("identity", ForgedTokens.Genuine(key, TestTokens.Issuer, TestTokens.Audience, Guid.Parse(issued.Subject),
            issued.GetClaim("sid").Value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_genuine_token_without_a_live_session_is_401()
    {
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, NewAccounts.Unique());

        var response = await GetAsync("identity", ForgedTokens.Genuine(await IdentityKeyAsync(), TestTokens.Issuer, TestTokens.Audience, created.UserId,
            Guid.NewGuid().ToString()));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(OtherServices))]
    public async Task A_genuine_token_passes_the_other_services(string service)
    {
        var response = await GetAsync(service, ForgedTokens.Genuine(TestTokens.Key, TestTokens.Issuer, TestTokens.Audience, Guid.NewGuid()));

        // Past authentication: the route answers (a made-up id is 404), whatever it answers, it is not 401.
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{service} answered {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(EveryServiceAndKind))]
    public async Task Is_401_at_every_service(string service, string kind)
    {
        // At the identity service the forgery names a live session, so that what is refused is the forgery, not the session.
        var (key, userId, sessionId) = service == "identity" ? await LiveSessionAsync() : (TestTokens.Key, Guid.NewGuid(), null);

        var response = await GetAsync(service, ForgedTokens.Make(kind, key, TestTokens.Issuer, TestTokens.Audience, userId, sessionId));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<(RsaSecurityKey Key, Guid UserId, string? SessionId)> LiveSessionAsync()
    {
        var issued = new JsonWebToken((await platform.Identity.Client.SignedInAsync(platform.Mail)).AccessToken);
        return (await IdentityKeyAsync(), Guid.Parse(issued.Subject), issued.GetClaim("sid").Value);
    }

    private async Task<RsaSecurityKey> IdentityKeyAsync() =>
        (await platform.Identity.Services.GetRequiredService<SigningKeyStore>().GetAsync(CancellationToken.None)).Active;

    private Task<HttpResponseMessage> GetAsync(string service, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ProtectedRoutes[service]);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return platform.All.Single(host => host.Name == service).Client.SendAsync(request);
    }
}
