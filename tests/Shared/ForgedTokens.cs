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
    public static readonly string[] Kinds = ["expired", "tampered", "wrong-issuer", "wrong-audience", "alg-none", "hs256-with-public-key", "unknown-key"];

    /// <param name="sessionId">The <c>sid</c>: the identity service accepts a token only while its session is live.</param>
    public static string Genuine(RsaSecurityKey key, string issuer, string audience, Guid userId, string? sessionId = null) =>
        Create(key, issuer, audience, userId, DateTime.UtcNow.AddMinutes(15), sessionId: sessionId);

    public static string Make(string kind, RsaSecurityKey key, string issuer, string audience, Guid userId) => kind switch
    {
        "expired" => Create(key, issuer, audience, userId, DateTime.UtcNow.AddMinutes(-5)),
        "tampered" => Tamper(Genuine(key, issuer, audience, userId)),
        "wrong-issuer" => Create(key, "https://evil.example/identity/v1", audience, userId, DateTime.UtcNow.AddMinutes(15)),
        "wrong-audience" => Create(key, issuer, "someone-else", userId, DateTime.UtcNow.AddMinutes(15)),
        "alg-none" => Unsigned(issuer, audience, userId),
        "hs256-with-public-key" => SignedWithPublicKeyAsSecret(key, issuer, audience, userId),
        "unknown-key" => Create(new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = key.KeyId }, issuer, audience, userId,
            DateTime.UtcNow.AddMinutes(15)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Create(SecurityKey key, string issuer, string audience, Guid userId, DateTime expires, string algorithm = SecurityAlgorithms.RsaSha256,
        string? sessionId = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("role", "Admin"),
                .. sessionId is null ? Array.Empty<Claim>() : [new Claim("sid", sessionId)]]),
            NotBefore = expires.AddMinutes(-20),
            IssuedAt = expires.AddMinutes(-20),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    // Same header and signature, a payload that claims to be someone else.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var forged = payload.Replace("\"Admin\"", "\"Admin\",\"x\":\"y\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(forged))}.{parts[2]}";
    }

    private static string Unsigned(string issuer, string audience, Guid userId)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var exp = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"{{userId}}","iss":"{{issuer}}","aud":"{{audience}}","exp":{{exp}},"role":"Admin"}""");
        return $"{header}.{payload}.";
    }

    // The classic confusion: an HMAC keyed with the RSA public key, which anyone can fetch from the JWKS.
    private static string SignedWithPublicKeyAsSecret(RsaSecurityKey key, string issuer, string audience, Guid userId)
    {
        var publicKey = key.Rsa.ExportSubjectPublicKeyInfoPem();
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicKey)) { KeyId = key.KeyId };
        return Create(secret, issuer, audience, userId, DateTime.UtcNow.AddMinutes(15), SecurityAlgorithms.HmacSha256);
    }
}
