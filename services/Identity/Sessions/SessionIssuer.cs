using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lms.Identity.Sessions;

public sealed record IssuedSession(string AccessToken, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshExpiresAt);

/// <summary>
/// Hands out an access token and the next refresh token of a session (a new one on sign-in), or nothing to an account
/// that is suspended (<see cref="SuspendedAccounts"/>).
/// </summary>
public sealed class SessionIssuer(
    AccountsDbContext db, UserManager<User> users, AccessTokenIssuer tokens, IOptions<TokenIssuingOptions> options, TimeProvider clock)
{
    public Task<IssuedSession?> StartAsync(User user, CancellationToken cancellationToken)
    {
        var (stored, refreshToken) = RefreshToken.Issue(user.Id, Guid.CreateVersion7(), clock.GetUtcNow());
        return ContinueAsync(user, stored, refreshToken, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="next"/>, the session's next refresh token, and issues an access token with it; null, with the
    /// session revoked, when the account was suspended in the meantime.
    /// </summary>
    public async Task<IssuedSession?> ContinueAsync(User user, RefreshToken next, string refreshToken, CancellationToken cancellationToken)
    {
        db.RefreshTokens.Add(next);
        await db.SaveChangesAsync(cancellationToken);
        // Checked after storing: a suspension racing this either revoked the stored token or is seen here.
        if (await SuspendedAccounts.IsSuspendedNowAsync(db, user.Id, cancellationToken))
        {
            await SessionState.RevokeAsync(db, next.FamilyId, clock.GetUtcNow(), cancellationToken);
            return null;
        }

        return await WithAccessTokenAsync(user, next.FamilyId, refreshToken, next.ExpiresAt, cancellationToken);
    }

    /// <summary>A fresh access token beside a refresh token already handed out (a parallel refresh within the grace).</summary>
    public async Task<IssuedSession> WithAccessTokenAsync(User user, Guid sessionId, string refreshToken, DateTimeOffset refreshExpiresAt,
        CancellationToken cancellationToken)
    {
        // Roles are read now, so a membership change shows in the very next token.
        var roles = user.TokenRoles(await users.GetRolesAsync(user));
        var accessToken = await tokens.IssueAsync(user, roles, sessionId, cancellationToken);
        return new IssuedSession(accessToken, (int)options.Value.AccessTokenLifetime.TotalSeconds, refreshToken, refreshExpiresAt);
    }
}
