using System.Security.Claims;
using Lms.Identity.Accounts;
using Lms.Identity.Keys;
using Lms.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Identity.Sessions;

/// <summary>Short-lived RS256 access tokens carrying who the caller is, their roles and their organisation.</summary>
public sealed class AccessTokenIssuer(SigningKeyStore keys, IOptions<TokenIssuingOptions> options, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<string> IssueAsync(User user, IReadOnlyList<string> roles, Guid sessionId, CancellationToken cancellationToken)
    {
        var signing = (await keys.GetAsync(cancellationToken)).Active;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(LmsClaims.Subject, user.Id.ToString()),
            new(LmsClaims.Name, user.Name),
            new(LmsClaims.Email, user.Email ?? string.Empty),
            new(JwtRegisteredClaimNames.Sid, sessionId.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.CreateVersion7().ToString()),
        };
        claims.AddRange(roles.Select(role => new Claim(LmsClaims.Role, role)));
        if (user.Organisation is { } organisation)
        {
            claims.Add(new Claim(LmsClaims.OrganisationId, organisation.OrganisationId.ToString()));
            claims.Add(new Claim(LmsClaims.OrganisationType, organisation.OrganisationType));
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.AccessTokenLifetime,
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
        });
    }
}
