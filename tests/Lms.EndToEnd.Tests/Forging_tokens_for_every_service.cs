using System.Net;
using System.Net.Http.Headers;
using Lms.Testing;

namespace Lms.EndToEnd.Tests;

/// <summary>
/// Through the gateway, every service's protected routes refuse every kind of forged token with 401 problem details,
/// while a token made with the identity service's real key passes (so the refusals are the forgeries' doing).
/// </summary>
public sealed class Forging_tokens_for_every_service
{
    /// <summary>One route per service that needs a token (any role), with a made-up id where it takes one.</summary>
    private static readonly Dictionary<string, string> ProtectedRoutes = new()
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

    public static TheoryData<string> ServicesBesideIdentity => [.. ProtectedRoutes.Keys.Where(s => s != "identity")];

    [Theory]
    [MemberData(nameof(EveryServiceAndKind))]
    public async Task Is_401_problem_details_through_the_gateway(string service, string kind)
    {
        using var client = RunningPlatform.NewClient();
        var key = await RunningPlatform.IdentitySigningKeyAsync();

        using var response = await GetAsync(client, ProtectedRoutes[service],
            ForgedTokens.Make(kind, key, RunningPlatform.Issuer, RunningPlatform.Audience, Guid.NewGuid(), Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(ServicesBesideIdentity))]
    public async Task A_token_made_with_the_real_key_passes_to_the_service(string service)
    {
        using var client = RunningPlatform.NewClient();
        var key = await RunningPlatform.IdentitySigningKeyAsync();

        using var response = await GetAsync(client, ProtectedRoutes[service],
            ForgedTokens.Genuine(key, RunningPlatform.Issuer, RunningPlatform.Audience, Guid.NewGuid()));

        // Past the gateway and the service's own validation: whatever the route answers (a made-up id is 404), not 401.
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{service} answered {(int)response.StatusCode}");
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.SendAsync(request);
    }
}
