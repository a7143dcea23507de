using Lms.Identity.Keys;
using Microsoft.AspNetCore.DataProtection;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Signing_keys
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly IDataProtector Protector = new EphemeralDataProtectionProvider().CreateProtector(SigningKey.ProtectionPurpose);

    [Fact]
    public void Are_due_for_rotation_after_the_configured_time()
    {
        var key = SigningKey.Generate(Now, Protector);

        Assert.False(key.IsDue(Now.AddDays(30).AddSeconds(-1), TimeSpan.FromDays(30)));
        Assert.True(key.IsDue(Now.AddDays(30), TimeSpan.FromDays(30)));
        key.Retire(Now.AddDays(30));
        Assert.False(key.IsDue(Now.AddDays(60), TimeSpan.FromDays(30)));
    }

    [Fact]
    public void Stay_published_after_retiring_only_for_the_grace()
    {
        var key = SigningKey.Generate(Now, Protector);
        key.Retire(Now);

        Assert.True(key.IsPublished(Now.AddMinutes(20), TimeSpan.FromMinutes(21)));
        Assert.False(key.IsPublished(Now.AddMinutes(21), TimeSpan.FromMinutes(21)));
    }

    [Fact]
    public void Keep_the_private_key_only_encrypted_and_sign_with_it_after_decryption()
    {
        var key = SigningKey.Generate(Now, Protector);

        Assert.False(key.IsStoredInPlain);
        Assert.DoesNotContain("PRIVATE KEY", key.ProtectedPrivateKey, StringComparison.Ordinal);
        Assert.True(key.ToSecurityKey(Protector).PrivateKeyStatus == Microsoft.IdentityModel.Tokens.PrivateKeyStatus.Exists);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            key.ToSecurityKey(new EphemeralDataProtectionProvider().CreateProtector(SigningKey.ProtectionPurpose)));
    }
}
