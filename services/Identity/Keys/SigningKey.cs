using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Identity.Keys;

/// <summary>
/// An RSA key that signs access tokens. Kept in the database, its private half encrypted with Data Protection, so
/// every instance and every restart signs with the same key while a copy of the database reveals nothing. Rotation
/// adds a newer key and retires the old one, which stays published until the tokens it signed have expired.
/// </summary>
public sealed class SigningKey
{
    /// <summary>The Data Protection purpose of the private keys.</summary>
    public const string ProtectionPurpose = "Lms.Identity.SigningKeys";

    private SigningKey()
    {
    }

    public string KeyId { get; private set; } = string.Empty;

    /// <summary>The PKCS#8 private key in PEM, encrypted with Data Protection (plain PEM only in rows from before encryption).</summary>
    public string ProtectedPrivateKey { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Rows written before keys were encrypted hold the plain PEM; they are encrypted when next loaded.</summary>
    public bool IsStoredInPlain => ProtectedPrivateKey.StartsWith("-----BEGIN", StringComparison.Ordinal);

    public static SigningKey Generate(DateTimeOffset now, IDataProtector protector)
    {
        using var rsa = RSA.Create(2048);
        return new SigningKey
        {
            KeyId = $"{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            ProtectedPrivateKey = protector.Protect(rsa.ExportPkcs8PrivateKeyPem()),
            CreatedAt = now,
        };
    }

    public void Retire(DateTimeOffset now) => RetiredAt ??= now;

    public void Encrypt(IDataProtector protector)
    {
        if (IsStoredInPlain)
        {
            ProtectedPrivateKey = protector.Protect(ProtectedPrivateKey);
        }
    }

    /// <summary>Due for replacement: the active key has signed for <paramref name="rotateAfter"/>.</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan rotateAfter) => RetiredAt is null && now - CreatedAt >= rotateAfter;

    /// <summary>Still in the key set: active, or retired less than <paramref name="grace"/> ago.</summary>
    public bool IsPublished(DateTimeOffset now, TimeSpan grace) => RetiredAt is null || now - RetiredAt < grace;

    public RsaSecurityKey ToSecurityKey(IDataProtector protector)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(IsStoredInPlain ? ProtectedPrivateKey : protector.Unprotect(ProtectedPrivateKey));
        return new RsaSecurityKey(rsa) { KeyId = KeyId };
    }
}
