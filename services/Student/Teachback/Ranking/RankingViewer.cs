using System.Security.Claims;
using Lms.ServiceDefaults.Security;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Teachback.Ranking;

/// <summary>
/// Who reads a ranking, from their token: the learner and the company they belong to now (none for a visitor, an
/// institution's manager or an admin). Rankings cross companies, so a learner sees themselves and colleagues of their
/// own company by name and everyone else by their stable pseudonym; ranks stay those of the whole course.
/// </summary>
public sealed record RankingViewer(Guid UserId, Guid? CompanyId)
{
    public const string CompanyOrganisation = "company";

    public static RankingViewer Of(ClaimsPrincipal caller) => new(caller.GetUserId(),
        caller.FindFirstValue(LmsClaims.OrganisationType) == CompanyOrganisation ? caller.GetOrganisationId() : null);

    public bool SeesNameOf(Guid userId, IReadOnlySet<Guid> colleagues) => userId == UserId || colleagues.Contains(userId);

    /// <summary>
    /// The global ranking is for people in training: a company's members and anyone with an enrollment that is not
    /// CANCELLED. A visitor who never trained here has no place in it and no business reading it.
    /// </summary>
    public async Task<bool> MayReadGlobalAsync(StudentDbContext db, CancellationToken cancellationToken) =>
        CompanyId is not null ||
        await db.Enrollments.AsNoTracking().AnyAsync(e => e.UserId == UserId && e.State != EnrollmentStates.Cancelled, cancellationToken);

    /// <summary>
    /// A course's ranking is for its learners: an ACTIVE enrollment in one of its provisions, or a COMPLETED one they
    /// still hold (not closed by leaving the company or the roster). The provision's end does not close it: the standing
    /// earned stays readable to those who earned it.
    /// </summary>
    public Task<bool> MayReadCourseAsync(StudentDbContext db, Guid courseId, CancellationToken cancellationToken) =>
        db.Enrollments.AsNoTracking()
            .Where(e => e.UserId == UserId &&
                        (e.State == EnrollmentStates.Active || (e.State == EnrollmentStates.Completed && e.AccessEndedAt == null)))
            .Join(db.Provisions.AsNoTracking().Where(p => p.CourseId == courseId), e => e.ProvisionId, p => p.Id, (e, p) => e.Id)
            .AnyAsync(cancellationToken);

    /// <summary>How each of <paramref name="userIds"/> appears to this viewer: by name, or by pseudonym.</summary>
    public async Task<IReadOnlyDictionary<Guid, ShownName>> DisplayNamesAsync(StudentDbContext db, IReadOnlyList<Guid> userIds,
        CancellationToken cancellationToken)
    {
        var colleagues = CompanyId is { } company
            ? (await db.CompanyMembers.AsNoTracking().Where(m => m.CompanyId == company && m.Active && userIds.Contains(m.UserId))
                .Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var named = userIds.Where(id => SeesNameOf(id, colleagues)).ToList();
        var hidden = userIds.Except(named).ToList();
        var names = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var codes = await db.TeachbackPseudonyms.AsNoTracking().Where(p => hidden.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Code, cancellationToken);
        // A learner whose profile or pseudonym has not arrived yet is shown as a learner, never by anything that identifies them.
        return userIds.Distinct().ToDictionary(id => id, id => named.Contains(id)
            ? new ShownName(names.GetValueOrDefault(id) ?? Anonymous, Pseudonymous: false)
            : new ShownName(codes.TryGetValue(id, out var code) ? TeachbackPseudonym.Label(code) : Anonymous, Pseudonymous: true));
    }

    private const string Anonymous = "학습자";
}

/// <summary>A learner as a ranking shows them: their name, or their pseudonym.</summary>
public sealed record ShownName(string Name, bool Pseudonymous);
