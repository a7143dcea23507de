using Lms.Identity.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Sessions;

/// <summary>
/// A suspended account gets no session: sign-in (by password or by a provider) and refresh answer 403
/// <c>account-suspended</c>, distinct from wrong credentials so the person knows to contact support. Sign-in says so only
/// after the password was right, so the answer tells nobody else that the account is suspended.
/// </summary>
public static class SuspendedAccounts
{
    public const string ProblemType = "account-suspended";

    public static ProblemHttpResult Refusal() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "This account is suspended. Contact support to have it reinstated.",
        type: Problems.TypeBase + ProblemType);

    /// <summary>
    /// Whether the account is suspended as of the latest commit, read with a shared lock: a suspension updates the
    /// account's row before it revokes the sessions, so a session stored while it was under way is either revoked by it
    /// or seen here (the read waits for the suspension to commit).
    /// </summary>
    public static async Task<bool> IsSuspendedNowAsync(AccountsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        // Not composed with LINQ (ToList, not SingleOrDefault), so the locking clause is not wrapped in a derived table.
        (await db.Database.SqlQuery<DateTime?>($"SELECT suspended_at AS `Value` FROM users WHERE id = {userId.ToString()} LOCK IN SHARE MODE")
            .ToListAsync(cancellationToken)).Any(at => at is not null);
}
