using System.Net;
using System.Net.Http.Headers;
using Lms.Identity.Keys;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Refusing_forged_tokens(Platform platform)
{
    public static TheoryData<string> Kinds => [.. ForgedTokens.Kinds];

    [Fact]
    public async Task A_genuine_token_made_with_the_service_key_for_a_live_session_is_accepted()
    {
        var account = NewAccounts.Unique();
        var signedIn = await platform.Identity.Client.SignedInAsync(platform.Mail, account);
        var issued = new JsonWebToken(signedIn.AccessToken);
        var key = (await platform.Identity.Services.GetRequiredService<SigningKeyStore>().GetAsync(CancellationToken.None)).Active;

        var response = await MeAsync(ForgedTokens.Genuine(key, TestTokens.Issuer, TestTokens.Audience, Guid.Parse(issued.Subject),
            issued.GetClaim("sid").Value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_genuine_token_without_a_live_session_is_401()
    {
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, NewAccounts.Unique());
        var key = (await platform.Identity.Services.GetRequiredService<SigningKeyStore>().GetAsync(CancellationToken.None)).Active;

        var response = await MeAsync(ForgedTokens.Genuine(key, TestTokens.Issuer, TestTokens.Audience, created.UserId, Guid.NewGuid().ToString()));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Is_401_at_the_service(string kind)
    {
        var created = await platform.Identity.Client.SignUpConfirmedAsync(platform.Mail, NewAccounts.Unique());
        var key = (await platform.Identity.Services.GetRequiredService<SigningKeyStore>().GetAsync(CancellationToken.None)).Active;

        var response = await MeAsync(ForgedTokens.Make(kind, key, TestTokens.Issuer, TestTokens.Audience, created.UserId));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> MeAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return platform.Identity.Client.SendAsync(request);
    }
}
