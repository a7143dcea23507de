using System.Net;
using System.Net.Http.Headers;
using Lms.ServiceDefaults.Security;
using Lms.Testing;

namespace Lms.ServiceDefaults.Tests.Http;

public sealed class Enforcing_roles(SampleService service) : IClassFixture<SampleService>
{
    [Fact]
    public async Task Without_a_token_a_protected_route_is_401()
    {
        var response = await service.Client.GetAsync("/sample/v1/managed");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_without_the_role_is_403()
    {
        var response = await GetWithTokenAsync(TestTokens.Mint(Guid.NewGuid(), [Roles.Employee]));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_with_the_role_is_let_through()
    {
        var response = await GetWithTokenAsync(TestTokens.Mint(Guid.NewGuid(), [Roles.InstitutionManager], Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var response = await GetWithTokenAsync(TestTokens.Mint(Guid.NewGuid(), [Roles.InstitutionManager], lifetime: TimeSpan.FromMinutes(-5)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var response = await GetWithTokenAsync(TestTokens.Mint(Guid.NewGuid(), [Roles.InstitutionManager], audience: "someone-else"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var response = await GetWithTokenAsync(TestTokens.Mint(Guid.NewGuid(), [Roles.InstitutionManager], issuer: "https://evil.test"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string> ForgedKinds => [.. ForgedTokens.Kinds];

    [Theory]
    [MemberData(nameof(ForgedKinds))]
    public async Task A_forged_or_expired_token_is_401_even_claiming_admin(string kind)
    {
        var response = await GetWithTokenAsync(ForgedTokens.Make(kind, TestTokens.Key, TestTokens.Issuer, TestTokens.Audience, Guid.NewGuid()), "/sample/v1/admin");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_genuine_counterpart_of_the_forged_tokens_is_let_through()
    {
        var response = await GetWithTokenAsync(ForgedTokens.Genuine(TestTokens.Key, TestTokens.Issuer, TestTokens.Audience, Guid.NewGuid()), "/sample/v1/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> GetWithTokenAsync(string token, string path = "/sample/v1/managed")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return service.Client.SendAsync(request);
    }
}
