using System.Security.Claims;
using Lms.Company.Data;
using Lms.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Companies;

/// <summary>
/// The company the caller belongs to, from this service's own members table keyed by the token's <c>sub</c>,
/// so a member removed a minute ago is refused even while their token still names the company.
/// </summary>
public static class MyCompany
{
    /// <summary>The caller's company when the caller is one of its supervisors.</summary>
    public static Task<Companies.Company?> FindAsync(CompanyDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        return db.Companies.Include(c => c.Members)
            .Where(c => c.Members.Any(m => m.UserId == userId && m.Role == Lms.Contracts.Memberships.CompanyMemberRoles.Supervisor))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The caller's company in whatever role.</summary>
    public static Task<Companies.Company?> OfMemberAsync(CompanyDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        return db.Companies.Include(c => c.Members)
            .Where(c => c.Members.Any(m => m.UserId == userId))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
