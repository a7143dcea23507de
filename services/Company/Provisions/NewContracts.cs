using Lms.Company.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Provisions;

/// <summary>
/// No new contract with a suspended organisation: while the company or the course's institution is suspended, a course
/// cannot be requested and a pending request cannot be accepted. Declining, cancelling and every step of a contract
/// already accepted go on, so learners keep what was granted to them.
/// </summary>
public static class NewContracts
{
    public static readonly ProvisionRefusal CompanySuspended = new("company-suspended",
        "Your company is suspended by the platform and cannot make new course contracts. Contact support.");

    public static readonly ProvisionRefusal InstitutionSuspended = new("institution-suspended",
        "The institution offering this course is suspended by the platform and takes no new contracts.");

    public static ProvisionRefusal? Refusal(bool companySuspended, bool institutionSuspended) =>
        companySuspended ? CompanySuspended : institutionSuspended ? InstitutionSuspended : null;

    /// <summary>As this service knows it, from the institution service's events.</summary>
    public static Task<bool> IsInstitutionSuspendedAsync(CompanyDbContext db, Guid institutionId, CancellationToken cancellationToken) =>
        db.InstitutionStandings.AnyAsync(s => s.InstitutionId == institutionId && s.Suspended, cancellationToken);

    /// <summary>Why <paramref name="provision"/> cannot be accepted now, if it cannot.</summary>
    public static async Task<ProvisionRefusal?> AcceptRefusalAsync(CompanyDbContext db, CourseProvision provision, CancellationToken cancellationToken) =>
        Refusal(
            await db.Companies.AnyAsync(c => c.Id == provision.CompanyId && c.SuspendedAt != null, cancellationToken),
            await IsInstitutionSuspendedAsync(db, provision.InstitutionId, cancellationToken));
}
