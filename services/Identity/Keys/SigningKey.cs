using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Identity.Keys;

/// <summary>
/// An RSA key that signs access tokens. Kept in the database so every instance and every restart signs
/// with the same key; rotation adds a newer key and retires the old one, which stays published until the
/// tokens it signed have expired.
/// </summary>
public sealed class SigningKey
{
    private SigningKey()
    {
    }

    public string KeyId { get; private set; } = string.Empty;

    public string PrivateKeyPem { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public static SigningKey Generate(DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        return new SigningKey
        {
            KeyId = $"{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(),
            CreatedAt = now,
        };
    }

    public void Retire(DateTimeOffset now) => RetiredAt ??= now;

    /// <summary>Still in the key set: active, or retired less than <paramref name="grace"/> ago.</summary>
    public bool IsPublished(DateTimeOffset now, TimeSpan grace) => RetiredAt is null || now - RetiredAt < grace;

    public RsaSecurityKey ToSecurityKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(PrivateKeyPem);
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }
}
