using System.Text.Json.Serialization;
using Lms.Identity.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Identity.Keys;

/// <summary>OpenID Connect discovery metadata; its member names are fixed by the specification (snake_case).</summary>
public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> ClaimsSupported);

public sealed record JwksDocument(IReadOnlyList<JwkEntry> Keys);

public sealed record JwkEntry(string Kty, string Use, string Alg, string Kid, string N, string E);

/// <summary>Issuer metadata and the public signing keys, from which every service validates our tokens.</summary>
public static class DiscoveryEndpoints
{
    public static RouteGroupBuilder MapDiscoveryEndpoints(this RouteGroupBuilder api)
    {
        var wellKnown = api.MapGroup("/.well-known").AllowAnonymous().WithTags("Discovery");
        wellKnown.MapGet("/openid-configuration", GetConfiguration)
            .WithSummary("Issuer metadata (OpenID Connect discovery)");
        wellKnown.MapGet("/jwks.json", GetKeysAsync)
            .WithSummary("Public keys that sign access tokens (RS256)");
        return api;
    }

    // Addresses are built from the request, so they point back the way the caller came (gateway or direct).
    private static OpenIdConfiguration GetConfiguration(HttpRequest request, IOptions<TokenIssuingOptions> options)
    {
        var basePath = $"{request.Scheme}://{request.Host}{request.PathBase}/identity/v1";
        return new OpenIdConfiguration(
            options.Value.Issuer,
            $"{basePath}/.well-known/jwks.json",
            $"{basePath}/signin",
            [SecurityAlgorithms.RsaSha256],
            ["token"],
            ["public"],
            ["sub", "name", "email", "role", "org_id", "org_type", "sid"]);
    }

    private static async Task<JwksDocument> GetKeysAsync(SigningKeyStore store, CancellationToken cancellationToken)
    {
        var keys = await store.GetAsync(cancellationToken);
        return new JwksDocument([.. keys.Published.Select(ToJwk)]);
    }

    private static JwkEntry ToJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JwkEntry("RSA", "sig", SecurityAlgorithms.RsaSha256, key.KeyId,
            Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
    }
}
