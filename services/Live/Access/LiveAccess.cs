using Lms.Live.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Access;

/// <summary>Who the caller is for one provision's live sessions: a manager of its institution, an active enrollee, or nobody.</summary>
public enum LiveRole
{
    None,
    Enrollee,
    Manager,
}

/// <summary>
/// Decides access from this service's projections: which institution runs a provision (provision events), who
/// manages it (institution events) and who is actively enrolled (student events). Everyone else is nobody (404).
/// </summary>
public static class LiveAccess
{
    public static async Task<LiveRole> RoleAsync(LiveDbContext db, Guid provisionId, Guid userId, CancellationToken cancellationToken)
    {
        var institutionId = await db.Provisions.Where(p => p.ProvisionId == provisionId).Select(p => (Guid?)p.InstitutionId)
            .SingleOrDefaultAsync(cancellationToken);
        if (institutionId is null)
        {
            return LiveRole.None;
        }

        if (await db.Managers.AnyAsync(m => m.InstitutionId == institutionId && m.UserId == userId && m.Active, cancellationToken))
        {
            return LiveRole.Manager;
        }

        return await Enrollees(db, provisionId).AnyAsync(e => e.UserId == userId, cancellationToken)
            ? LiveRole.Enrollee
            : LiveRole.None;
    }

    /// <summary>Which of <paramref name="users"/> may be in the provision's classroom now (the same rule as <see cref="RoleAsync"/>).</summary>
    public static async Task<HashSet<Guid>> WhoMayJoinAsync(LiveDbContext db, Guid provisionId, IReadOnlyCollection<Guid> users,
        CancellationToken cancellationToken)
    {
        var institutionId = await db.Provisions.Where(p => p.ProvisionId == provisionId).Select(p => (Guid?)p.InstitutionId)
            .SingleOrDefaultAsync(cancellationToken);
        if (institutionId is null)
        {
            return [];
        }
        var managers = await db.Managers.Where(m => m.InstitutionId == institutionId && m.Active && users.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        var enrollees = await Enrollees(db, provisionId).Where(e => users.Contains(e.UserId)).Select(e => e.UserId).ToListAsync(cancellationToken);
        return [.. managers, .. enrollees];
    }

    private static IQueryable<KnownEnrollment> Enrollees(LiveDbContext db, Guid provisionId) =>
        db.Enrollments.Where(e => e.ProvisionId == provisionId && e.Active);
}
