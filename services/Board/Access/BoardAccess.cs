using Lms.Board.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Board.Access;

/// <summary>Who the caller is on one class's board: a manager of its institution, an active enrollee, or nobody.</summary>
public enum BoardRole
{
    None,
    Enrollee,
    Manager,
}

/// <summary>
/// Decides board access from this service's projections: enrollments (student events), which institution a
/// provision belongs to (provision events) and who manages it (institution events). Nobody else sees a board.
/// </summary>
public static class BoardAccess
{
    public static async Task<BoardRole> RoleAsync(BoardDbContext db, Guid provisionId, Guid userId, CancellationToken cancellationToken)
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

        return await db.Enrollments.AnyAsync(e => e.ProvisionId == provisionId && e.UserId == userId && e.Active, cancellationToken)
            ? BoardRole.Enrollee
            : BoardRole.None;
    }
}
