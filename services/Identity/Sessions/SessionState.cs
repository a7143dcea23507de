using Lms.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Sessions;

/// <summary>
/// A session is a family of refresh tokens; it is live while any of its tokens is unrevoked. Revoking a session
/// stops its refresh tokens and, through <see cref="SessionValidation"/>, the access tokens it was given.
/// </summary>
public static class SessionState
{
    public static Task<bool> IsLiveAsync(AccountsDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        db.RefreshTokens.AnyAsync(t => t.FamilyId == sessionId && t.RevokedAt == null, cancellationToken);

    public static Task<int> RevokeAsync(AccountsDbContext db, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == sessionId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);

    /// <summary>Every session of the account, except <paramref name="keep"/> when given (the caller's own).</summary>
    public static Task<int> RevokeAllAsync(AccountsDbContext db, Guid userId, Guid? keep, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens
            .Where(t => t.UserId == userId && t.RevokedAt == null && (keep == null || t.FamilyId != keep))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
}
