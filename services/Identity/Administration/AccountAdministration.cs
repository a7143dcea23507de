using Lms.Contracts.Administration;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.Identity.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Administration;

/// <summary>
/// Admin actions on accounts. Each runs in one transaction holding the admin role's row, so admin actions happen one
/// at a time and each checks, under that lock, that its caller is still an active admin: two admins cannot suspend or
/// demote each other at once and leave the platform without one. The change, the revoked sessions (announced by
/// <c>SessionsRevoked</c>) and the audit entry commit together.
/// </summary>
public sealed class AccountAdministration(AccountsDbContext db, TimeProvider clock)
{
    /// <summary>Suspends the account and revokes every session of it: access tokens stop at once here and in live classrooms.</summary>
    public Task<AdminOutcome> SuspendAsync(Guid adminId, Guid userId, string reason, CancellationToken cancellationToken) =>
        ActAsync(adminId, userId, reason, AdminActionKinds.AccountSuspended, async (target, _, now) =>
        {
            if (AccountAdminRules.Suspend(adminId, target, now) is { } refusal)
            {
                return refusal;
            }

            // The account's row first, then its sessions: a sign-in or refresh racing this sees one or the other
            // (SuspendedAccounts.IsSuspendedNowAsync).
            await db.SaveChangesAsync(cancellationToken);
            await SessionState.RevokeAllAsync(db, target.Id, keep: null, now, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<AdminOutcome> ReinstateAsync(Guid adminId, Guid userId, string reason, CancellationToken cancellationToken) =>
        ActAsync(adminId, userId, reason, AdminActionKinds.AccountReinstated,
            (target, _, _) => Task.FromResult(AccountAdminRules.Reinstate(target)), cancellationToken);

    /// <summary>The role shows in the account's next token (at its next refresh or sign-in).</summary>
    public Task<AdminOutcome> GrantAdminAsync(Guid adminId, Guid userId, string reason, CancellationToken cancellationToken) =>
        ActAsync(adminId, userId, reason, AdminActionKinds.AdminGranted, (target, isAdmin, _) =>
        {
            if (AccountAdminRules.GrantAdmin(target, isAdmin) is { } refusal)
            {
                return Task.FromResult<AccountRefusal?>(refusal);
            }

            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = target.Id, RoleId = PlatformRoles.Admin.Id });
            return Task.FromResult<AccountRefusal?>(null);
        }, cancellationToken);

    /// <summary>
    /// Also revokes the account's sessions, so the role ends at once wherever sessions are checked rather than when its
    /// access tokens expire; the person signs in again without it.
    /// </summary>
    public Task<AdminOutcome> RevokeAdminAsync(Guid adminId, Guid userId, string reason, CancellationToken cancellationToken) =>
        ActAsync(adminId, userId, reason, AdminActionKinds.AdminRevoked, async (target, isAdmin, now) =>
        {
            if (AccountAdminRules.RevokeAdmin(adminId, target, isAdmin) is { } refusal)
            {
                return refusal;
            }

            await db.UserRoles.Where(r => r.UserId == target.Id && r.RoleId == PlatformRoles.Admin.Id).ExecuteDeleteAsync(cancellationToken);
            await SessionState.RevokeAllAsync(db, target.Id, keep: null, now, cancellationToken);
            return null;
        }, cancellationToken);

    private async Task<AdminOutcome> ActAsync(Guid adminId, Guid userId, string reason, string action,
        Func<User, bool, DateTimeOffset, Task<AccountRefusal?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.SqlQuery<Guid>($"SELECT id AS `Value` FROM roles WHERE id = {PlatformRoles.Admin.Id.ToString()} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (!await IsActiveAdminAsync(adminId, cancellationToken))
        {
            return new AdminOutcome.NotAnAdmin();
        }

        if (await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is not { } target)
        {
            return new AdminOutcome.NotFound();
        }

        // A new stamp makes ASP.NET Core Identity's own writes of this account (a sign-in resetting its failure count)
        // fail their concurrency check instead of writing back a copy read before this action.
        target.ConcurrencyStamp = Guid.NewGuid().ToString();
        var isAdmin = await IsAdminAsync(userId, cancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            if (await change(target, isAdmin, now) is { } refusal)
            {
                return new AdminOutcome.Refused(refusal);
            }

            db.AdminActions.Add(AdminAction.Record(adminId, action, target.Id, target.Email ?? string.Empty, reason, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AdminOutcome.Refused(AccountRefusal.ChangedMeanwhile);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AdminOutcome.Done(AdminUserView.From(target, await IsAdminAsync(userId, cancellationToken)));
    }

    private Task<bool> IsActiveAdminAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.SuspendedAt == null &&
            db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == PlatformRoles.Admin.Id), cancellationToken);

    private Task<bool> IsAdminAsync(Guid userId, CancellationToken cancellationToken) =>
        db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == PlatformRoles.Admin.Id, cancellationToken);
}
