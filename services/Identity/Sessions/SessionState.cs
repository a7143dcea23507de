using Lms.Contracts.Identity;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Data;
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
        RevokeAndAnnounceAsync(db, db.RefreshTokens.Where(t => t.FamilyId == sessionId && t.RevokedAt == null), now, cancellationToken);

    /// <summary>Every session of the account, except <paramref name="keep"/> when given (the caller's own).</summary>
    public static Task<int> RevokeAllAsync(AccountsDbContext db, Guid userId, Guid? keep, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeAndAnnounceAsync(db, db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null && (keep == null || t.FamilyId != keep)),
            now, cancellationToken);

    // The revocation and its announcement (SessionsRevoked, through the outbox) commit together: inside the caller's
    // transaction when there is one, else in one of their own.
    private static async Task<int> RevokeAndAnnounceAsync(AccountsDbContext db, IQueryable<RefreshToken> live, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var sessions = await live.Select(t => new { t.UserId, t.FamilyId }).Distinct().ToListAsync(cancellationToken);
        var revoked = await live.ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        foreach (var user in sessions.GroupBy(s => s.UserId))
        {
            db.PublishOnSave(new SessionsRevoked(user.Key, [.. user.Select(s => s.FamilyId)], now));
        }
        if (sessions.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        return revoked;
    }
}
