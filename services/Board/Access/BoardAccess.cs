using System.Linq.Expressions;
using Lms.Board.Data;
using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Board.Access;

/// <summary>Who the caller is on one class's board: a manager of its institution, an enrollee whose enrollment opens it, or nobody.</summary>
public enum BoardRole
{
    None,
    Enrollee,
    Manager,
}

/// <summary>
/// Decides board access from this service's projections: enrollments (student events), which institution a
/// provision belongs to (provision events) and who manages it (institution events). Nobody else sees a board.
/// An enrollment opens the board while it is activated or completed and still the learner's (cancelled, or closed
/// when a completed learner leaves the company or the roster, it does not), until the provision's end date (Korea
/// time): completing keeps the board for review.
/// </summary>
public static class BoardAccess
{
    /// <summary>The enrollee rule, one expression: evaluated by the database in queries and in memory by the rule's tests.</summary>
    public static Expression<Func<BoardEnrollment, bool>> Opens(DateOnly today) =>
        e => e.Active && (e.EndDate == null || today <= e.EndDate);

    public static async Task<BoardRole> RoleAsync(BoardDbContext db, Guid provisionId, Guid userId, DateOnly today, CancellationToken cancellationToken)
    {
        var institutionId = await db.Provisions.Where(p => p.ProvisionId == provisionId).Select(p => (Guid?)p.InstitutionId)
            .SingleOrDefaultAsync(cancellationToken);
        if (institutionId is null)
        {
            return BoardRole.None;
        }

        if (await db.Managers.AnyAsync(m => m.InstitutionId == institutionId && m.UserId == userId && m.Active, cancellationToken))
        {
            return BoardRole.Manager;
        }

        return await db.Enrollments.Where(Opens(today)).AnyAsync(e => e.ProvisionId == provisionId && e.UserId == userId, cancellationToken)
            ? BoardRole.Enrollee
            : BoardRole.None;
    }

    /// <summary>Applies one enrollment event (the later one wins whatever the order); the end date, once known, stays.</summary>
    public static async Task ApplyAsync(BoardDbContext db, Guid provisionId, Guid userId, bool open, DateTimeOffset at,
        CancellationToken cancellationToken, DateOnly? endDate = null)
    {
        await LatestEventWins.ApplyAsync(db.Enrollments, [provisionId, userId],
            () => new BoardEnrollment { ProvisionId = provisionId, UserId = userId }, open, at, cancellationToken);
        if (endDate is not null)
        {
            (await db.Enrollments.FindAsync([provisionId, userId], cancellationToken))!.EndDate = endDate;
        }
    }
}
