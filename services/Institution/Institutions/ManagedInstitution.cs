using System.Security.Claims;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Institutions;

/// <summary>
/// The institution the caller manages, from this service's own managers table keyed by the token's
/// <c>sub</c>: a manager removed a minute ago is refused even while their token still says manager.
/// </summary>
public static class ManagedInstitution
{
    public static Task<Institution?> FindAsync(InstitutionDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        return db.Institutions.Include(i => i.Managers)
            .Where(i => i.Managers.Any(m => m.UserId == userId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public static Task<Guid?> IdAsync(InstitutionDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        return db.Managers.Where(m => m.UserId == userId).Select(m => (Guid?)m.InstitutionId).SingleOrDefaultAsync(cancellationToken);
    }
}
