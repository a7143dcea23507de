using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lms.Identity.Sessions;

public sealed record IssuedSession(string AccessToken, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshExpiresAt);

/// <summary>Hands out an access token and the next refresh token of a session (a new one on sign-in).</summary>
public sealed class SessionIssuer(
    AccountsDbContext db, UserManager<User> users, AccessTokenIssuer tokens, IOptions<TokenIssuingOptions> options, TimeProvider clock)
{
    public Task<IssuedSession> StartAsync(User user, CancellationToken cancellationToken) =>
        ContinueAsync(user, Guid.CreateVersion7(), cancellationToken);

    public async Task<IssuedSession> ContinueAsync(User user, Guid sessionId, CancellationToken cancellationToken)
    {
        var (stored, refreshToken) = RefreshToken.Issue(user.Id, sessionId, clock.GetUtcNow());
        db.RefreshTokens.Add(stored);
        await db.SaveChangesAsync(cancellationToken);

        // Roles are read now, so a membership change shows in the very next token.
        var roles = user.TokenRoles(await users.GetRolesAsync(user));
        var accessToken = await tokens.IssueAsync(user, roles, sessionId, cancellationToken);
        return new IssuedSession(accessToken, (int)options.Value.AccessTokenLifetime.TotalSeconds, refreshToken, stored.ExpiresAt);
    }
}
