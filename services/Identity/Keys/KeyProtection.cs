using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Lms.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Identity.Keys;

/// <summary>
/// ASP.NET Core Data Protection for the identity service's secrets at rest (token signing keys, a refresh token's
/// successor during its grace). Its key ring lives in the database, shared by every instance, and each ring key is
/// itself encrypted (AES-256-GCM) with a key derived from <c>Tokens:KeyEncryptionSecret</c>, which comes from the
/// secret store (AWS Secrets Manager) and never from the database: a copy of the database alone decrypts nothing.
/// </summary>
public static class KeyProtection
{
    public const string SecretSetting = "Tokens:KeyEncryptionSecret";

    /// <summary>The local platform and the tests only; anywhere else a missing secret stops the service at start-up.</summary>
    public const string DevelopmentSecret = "lms-local-development-key-encryption-secret";

    public static WebApplicationBuilder AddKeyProtection(this WebApplicationBuilder builder)
    {
        var secret = builder.Configuration[SecretSetting];
        if (string.IsNullOrWhiteSpace(secret))
        {
            secret = builder.Environment.IsDevelopment()
                ? DevelopmentSecret
                : throw new InvalidOperationException($"The setting '{SecretSetting}' is required: it encrypts the signing keys at rest.");
        }

        var key = KeyEncryptionKey.From(secret);
        builder.Services.AddSingleton(key);
        builder.Services.AddDataProtection().SetApplicationName("lms-identity");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>());
            options.XmlEncryptor = new SecretXmlEncryptor(key);
        }));
        return builder;
    }
}

/// <summary>The 256-bit key that encrypts the Data Protection key ring, derived from the configured secret.</summary>
public sealed record KeyEncryptionKey(byte[] Bytes)
{
    public static KeyEncryptionKey From(string secret) => new(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>A Data Protection ring key as stored (its XML already encrypted by <see cref="SecretXmlEncryptor"/>).</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = string.Empty;

    public string Xml { get; set; } = string.Empty;
}

internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).AsEnumerable().Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

internal sealed class SecretXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return new EncryptedXmlInfo(new XElement("encryptedKey", new XElement("value", Convert.ToBase64String(sealedBytes))), typeof(SecretXmlDecryptor));
    }

    public static XElement Decrypt(KeyEncryptionKey key, XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>Created by Data Protection from the type named in the stored XML, with the service provider.</summary>
internal sealed class SecretXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        SecretXmlEncryptor.Decrypt(services.GetRequiredService<KeyEncryptionKey>(), encryptedElement);
}
