using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Testing;

/// <summary>
/// Tokens an attacker (or a clock) could present, built around a genuine signing key: each must be refused
/// wherever tokens are validated.
/// </summary>
public static class ForgedTokens
{
    public static readonly string[] Kinds =
    [
        "expired", "not-yet-valid", "tampered", "wrong-issuer", "wrong-audience", "alg-none", "hs256-with-public-key", "unknown-key",
        "unknown-kid", "embedded-jwk", "signature-stripped", "missing-sub",
    ];

    /// <param name="sessionId">The <c>sid</c>: the identity service accepts a token only while its session is live.</param>
    public static string Genuine(RsaSecurityKey key, string issuer, string audience, Guid userId, string? sessionId = null) =>
        Create(key, issuer, audience, userId, DateTime.UtcNow.AddMinutes(15), sessionId: sessionId);

    /// <param name="sessionId">A live session's <c>sid</c>, so that at the identity service only the forgery itself can be what is refused.</param>
    public static string Make(string kind, RsaSecurityKey key, string issuer, string audience, Guid userId, string? sessionId = null) => kind switch
    {
        "expired" => Create(key, issuer, audience, userId, DateTime.UtcNow.AddMinutes(-5), sessionId: sessionId),
        "tampered" => Tamper(Genuine(key, issuer, audience, userId, sessionId)),
        "wrong-issuer" => Create(key, "https://evil.example/identity/v1", audience, userId, DateTime.UtcNow.AddMinutes(15), sessionId: sessionId),
        "wrong-audience" => Create(key, issuer, "someone-else", userId, DateTime.UtcNow.AddMinutes(15), sessionId: sessionId),
        "alg-none" => Unsigned(issuer, audience, userId, sessionId),
        "hs256-with-public-key" => SignedWithPublicKeyAsSecret(key, issuer, audience, userId, sessionId),
        // The genuine key id over an attacker's key.
        "unknown-key" => Create(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = key.KeyId }, issuer, audience, userId,
            DateTime.UtcNow.AddMinutes(15), sessionId: sessionId),
        // A key id nobody published, which makes validators refetch the keys (at most once a minute) and still fail.
        "unknown-kid" => Create(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = $"forged-{Guid.NewGuid():N}" }, issuer,
            audience, userId, DateTime.UtcNow.AddMinutes(15), sessionId: sessionId),
        // Valid from 10 minutes from now: far past any clock skew.
        "not-yet-valid" => Create(key, issuer, audience, userId, DateTime.UtcNow.AddMinutes(30), notBefore: DateTime.UtcNow.AddMinutes(10), sessionId: sessionId),
        "embedded-jwk" => SignedWithEmbeddedKey(key, issuer, audience, userId, sessionId),
        "signature-stripped" => string.Join('.', Genuine(key, issuer, audience, userId, sessionId).Split('.')[..2]) + ".",
        // Signed by the genuine key, but naming no user: nothing can act on its behalf.
        "missing-sub" => Create(key, issuer, audience, userId: null, DateTime.UtcNow.AddMinutes(15), sessionId: sessionId),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Create(SecurityKey key, string issuer, string audience, Guid? userId, DateTime expires, string algorithm = SecurityAlgorithms.RsaSha256,
        string? sessionId = null, DateTime? notBefore = null, IDictionary<string, object>? header = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([
                .. userId is null ? Array.Empty<Claim>() : [new Claim("sub", userId.Value.ToString())],
                new Claim("role", "Admin"),
                .. sessionId is null ? Array.Empty<Claim>() : [new Claim("sid", sessionId)]]),
            NotBefore = notBefore ?? expires.AddMinutes(-20),
            IssuedAt = notBefore ?? expires.AddMinutes(-20),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, algorithm),
            AdditionalHeaderClaims = header,
        });

    // The attacker's own key, carried in the header's jwk with the genuine kid, hoping the validator trusts what the token brings.
    private static string SignedWithEmbeddedKey(RsaSecurityKey key, string issuer, string audience, Guid userId, string? sessionId)
    {
        var attacker = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = key.KeyId };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(attacker);
        var embedded = new Dictionary<string, object> { ["kty"] = "RSA", ["n"] = jwk.N, ["e"] = jwk.E, ["kid"] = key.KeyId! };
        return Create(attacker, issuer, audience, userId, DateTime.UtcNow.AddMinutes(15), sessionId: sessionId,
            header: new Dictionary<string, object> { ["jwk"] = embedded });
    }

    // Same header and signature, a payload that claims to be someone else.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var forged = payload.Replace("\"Admin\"", "\"Admin\",\"x\":\"y\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(forged))}.{parts[2]}";
    }

    private static string Unsigned(string issuer, string audience, Guid userId, string? sessionId)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"{{userId}}","iss":"{{issuer}}","aud":"{{audience}}","exp":{{exp}},"role":"Admin","sid":"{{sessionId}}"}""");
        return $"{header}.{payload}.";
    }

    // The classic confusion: an HMAC keyed with the RSA public key, which anyone can fetch from the JWKS.
    private static string SignedWithPublicKeyAsSecret(RsaSecurityKey key, string issuer, string audience, Guid userId, string? sessionId)
    {
        var publicKey = key.Rsa.ExportSubjectPublicKeyInfoPem();
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicKey)) { KeyId = key.KeyId };
        return Create(secret, issuer, audience, userId, DateTime.UtcNow.AddMinutes(15), SecurityAlgorithms.HmacSha256, sessionId);
    }
}
