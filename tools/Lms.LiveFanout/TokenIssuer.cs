using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lms.LiveFanout;

/// <summary>
/// Plays the identity service for the live processes under test: serves OpenID metadata and the public key on loopback,
/// and mints access tokens with the private half (managers and learners of the benchmark's class).
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://identity.bench/identity/v1";
    public const string Audience = "lms";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "bench-key" };
    private WebApplication? _app;

    public string MetadataAddress { get; private set; } = string.Empty;

    public async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = Issuer, ["jwks_uri"] = $"http://127.0.0.1:{port}/jwks",
        }));
        _app.MapGet("/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[] { new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = publicKey.Kid, ["n"] = publicKey.N, ["e"] = publicKey.E } },
        }));
        await _app.StartAsync();
        MetadataAddress = $"http://127.0.0.1:{port}/.well-known/openid-configuration";
    }

    public string Mint(Guid userId, string role, Guid organisationId, string organisationType)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([
                new Claim("sub", userId.ToString()), new Claim("name", "bench"), new Claim("role", role),
                new Claim("org_id", organisationId.ToString()), new Claim("org_type", organisationType),
            ]),
            NotBefore = now,
            IssuedAt = now,
            Expires = now.AddHours(2),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _key.Rsa.Dispose();
    }
}
