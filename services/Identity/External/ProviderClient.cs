using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace Lms.Identity.External;

/// <summary>What a provider says about the person after a successful code exchange.</summary>
public sealed record ExternalIdentity(
    [property: JsonPropertyName("sub")] string Subject,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("email_verified")] bool EmailVerified,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>
/// The server side of the authorization-code flow: the code is exchanged here, with our client secret and
/// the PKCE verifier, and the browser never sees the provider's tokens.
/// </summary>
public sealed class ProviderClient(HttpClient http)
{
    public async Task<ExternalIdentity?> ExchangeAsync(ExternalProvider provider, string code, string redirectUri, string codeVerifier,
        CancellationToken cancellationToken)
    {
        using var tokenResponse = await http.PostAsync(provider.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = provider.ClientId!,
            ["client_secret"] = provider.ClientSecret!,
            ["code_verifier"] = codeVerifier,
        }), cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            return null;
        }

        var token = await tokenResponse.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken);
        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, provider.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var userInfo = await http.SendAsync(request, cancellationToken);
        if (!userInfo.IsSuccessStatusCode)
        {
            return null;
        }

        var identity = await userInfo.Content.ReadFromJsonAsync<ExternalIdentity>(cancellationToken);
        return string.IsNullOrEmpty(identity?.Subject) ? null : identity;
    }

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string? AccessToken);
}
