using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Lms.Identity.Keys;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Services.Tests.Identity;

[Collection(PlatformGroup.Name)]
public sealed class Rotating_signing_keys(Platform platform)
{
    // The identity service under test reloads for an unknown key id at most every 5 s (a minute in production).
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(5.5);

    private HttpClient Client => platform.Identity.Client;

    [Fact]
    public async Task A_key_older_than_rotate_after_is_replaced_and_the_old_one_stays_published_for_its_tokens()
    {
        var account = NewAccounts.Unique();
        var signedIn = await Client.SignedInAsync(platform.Mail, account);
        var oldKeyId = new JsonWebToken(signedIn.AccessToken).Kid;
        await PretendTheActiveKeyIsDaysOldAsync(31);

        var afterRotation = await AnotherInstance().GetAsync(CancellationToken.None);

        Assert.NotEqual(oldKeyId, afterRotation.Active.KeyId);
        Assert.Contains(oldKeyId, afterRotation.Published.Select(k => k.KeyId));
        await Task.Delay(ReloadInterval);
        var signedWithNewKey = ForgedTokens.Genuine(afterRotation.Active, TestTokens.Issuer, TestTokens.Audience, Guid.Parse(new JsonWebToken(signedIn.AccessToken).Subject),
            SessionOf(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(signedWithNewKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(signedIn.AccessToken)).StatusCode);
        var published = await Client.GetFromJsonAsync<JsonElement>("/identity/v1/.well-known/jwks.json");
        var kids = published.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(oldKeyId, kids);
        Assert.Contains(afterRotation.Active.KeyId, kids);
        var fresh = await Client.SignInAsync(account.Username, account.Password);
        Assert.Equal(afterRotation.Active.KeyId, new JsonWebToken(fresh.AccessToken).Kid);
    }

    [Fact]
    public async Task A_token_with_an_unknown_key_id_reloads_the_keys_at_most_once_per_interval()
    {
        var signedIn = await Client.SignedInAsync(platform.Mail);
        var userId = Guid.Parse(new JsonWebToken(signedIn.AccessToken).Subject);
        var protector = platform.Identity.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SigningKey.ProtectionPurpose);
        // Made before the first reload and stored right after it, so the second token surely arrives within the interval.
        var second = SigningKey.Generate(DateTimeOffset.UtcNow.AddSeconds(1), protector);
        var secondToken = ForgedTokens.Genuine(second.ToSecurityKey(protector), TestTokens.Issuer, TestTokens.Audience, userId, SessionOf(signedIn));
        await Task.Delay(ReloadInterval);

        await PretendTheActiveKeyIsDaysOldAsync(31);
        var first = (await AnotherInstance().GetAsync(CancellationToken.None)).Active;
        var firstAnswer = await MeAsync(ForgedTokens.Genuine(first, TestTokens.Issuer, TestTokens.Audience, userId, SessionOf(signedIn)));
        var sinceReload = System.Diagnostics.Stopwatch.StartNew();
        await platform.Identity.WithDbAsync(db =>
        {
            db.SigningKeys.Add(second);
            return db.SaveChangesAsync();
        });
        var tooSoon = await MeAsync(secondToken);
        Assert.True(sinceReload.Elapsed < ReloadInterval - TimeSpan.FromSeconds(1), $"the second token took {sinceReload.Elapsed} to send");
        await Task.Delay(ReloadInterval);
        var later = await MeAsync(secondToken);

        Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
        await tooSoon.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Private_keys_and_the_key_ring_are_encrypted_at_rest()
    {
        await AnotherInstance().GetAsync(CancellationToken.None);

        var keys = await platform.Identity.WithDbAsync(db => db.SigningKeys.AsNoTracking().ToListAsync());
        var ring = await platform.Identity.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.DoesNotContain("PRIVATE KEY", k.ProtectedPrivateKey, StringComparison.Ordinal));
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_key_stored_in_plain_before_encryption_is_encrypted_when_loaded()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var keyId = $"legacy-{Guid.NewGuid():N}"[..30];
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var retiredAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await platform.Identity.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO signing_keys (key_id, protected_private_key, created_at, retired_at) VALUES ({keyId}, {pem}, {retiredAt.AddDays(-40)}, {retiredAt})"));

        var loaded = await AnotherInstance().GetAsync(CancellationToken.None);

        var stored = await platform.Identity.WithDbAsync(db => db.SigningKeys.AsNoTracking().SingleAsync(k => k.KeyId == keyId));
        Assert.False(stored.IsStoredInPlain);
        Assert.Contains(keyId, loaded.Published.Select(k => k.KeyId));
    }

    [Fact]
    public async Task The_key_ring_opens_only_with_the_configured_secret()
    {
        await AnotherInstance().GetAsync(CancellationToken.None);
        var ring = await platform.Identity.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        var stored = await platform.Identity.WithDbAsync(db => db.SigningKeys.AsNoTracking().FirstAsync(k => k.RetiredAt == null));

        var withSecret = ProtectorFrom(ring, KeyProtection.DevelopmentSecret).Unprotect(stored.ProtectedPrivateKey);

        Assert.Contains("PRIVATE KEY", withSecret, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => ProtectorFrom(ring, "some other secret").Unprotect(stored.ProtectedPrivateKey));
    }

    // Another process that has the database and the secret, and nothing else of the service.
    private static IDataProtector ProtectorFrom(IEnumerable<string> ring, string secret)
    {
        var services = new ServiceCollection();
        services.AddSingleton(KeyEncryptionKey.From(secret));
        services.AddDataProtection().SetApplicationName("lms-identity").DisableAutomaticKeyGeneration();
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new FixedRing([.. ring.Select(XElement.Parse)]));
        return services.BuildServiceProvider().GetDataProtector(SigningKey.ProtectionPurpose);
    }

    private sealed class FixedRing(IReadOnlyCollection<XElement> ring) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => ring;

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("Read only.");
    }

    // A second instance of the identity service, sharing the database and the Data Protection key ring.
    private SigningKeyStore AnotherInstance() => ActivatorUtilities.CreateInstance<SigningKeyStore>(platform.Identity.Services);

    private Task<int> PretendTheActiveKeyIsDaysOldAsync(int days)
    {
        var createdAt = DateTimeOffset.UtcNow.AddDays(-days);
        return platform.Identity.WithDbAsync(db => db.SigningKeys.Where(k => k.RetiredAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.CreatedAt, createdAt)));
    }

    private static string SessionOf(Tokens tokens) => new JsonWebToken(tokens.AccessToken).GetClaim("sid").Value;

    private Task<HttpResponseMessage> MeAsync(string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return Client.SendAsync(request);
    }
}
