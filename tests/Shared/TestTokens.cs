using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Testing;

/// <summary>
/// Access tokens for any role and organisation, signed by a key that only the services under test trust
/// (<see cref="Trust"/>), so role matrices can be tested without signing in.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.test/identity/v1";
    public const string Audience = "lms";

    /// <summary>The key the services under test trust (for building forged variants in tests).</summary>
    public static RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static string Mint(Guid userId, IEnumerable<string> roles, Guid? organisationId = null, string? organisationType = null,
        TimeSpan? lifetime = null, string issuer = Issuer, string audience = Audience, string? email = null, Guid? signInSession = null)
    {
        var claims = new List<Claim> { new("sub", userId.ToString()), new("name", "Test User") };
        if (signInSession is { } sid)
        {
            claims.Add(new Claim("sid", sid.ToString()));
        }
        if (email is not null)
        {
            claims.Add(new Claim("email", email));
        }
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        if (organisationId is { } org)
        {
            claims.Add(new Claim("org_id", org.ToString()));
            claims.Add(new Claim("org_type", organisationType ?? "institution"));
        }

        var now = DateTime.UtcNow;
        var life = lifetime ?? TimeSpan.FromMinutes(15);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = life < TimeSpan.Zero ? now + life - TimeSpan.FromMinutes(1) : now,
            IssuedAt = life < TimeSpan.Zero ? now + life - TimeSpan.FromMinutes(1) : now,
            Expires = now + life,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Settings a service under test needs so its JWT validation accepts <see cref="Mint"/>'s tokens.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:MetadataAddress"] = "https://identity.test/identity/v1/.well-known/openid-configuration",
    };

    /// <summary>Makes the bearer handler trust the test key instead of fetching the identity service's JWKS.</summary>
    public static void Trust(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });
}
