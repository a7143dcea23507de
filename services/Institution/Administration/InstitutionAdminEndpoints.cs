using System.Security.Claims;
using Lms.Contracts.Administration;
using Lms.Contracts.Institutions;
using Lms.Institution.Courses;
using Lms.Institution.Data;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Administration;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Administration;

/// <summary>The platform admin's view of institutions, and their suspension (audited through identity's trail).</summary>
public static class InstitutionAdminEndpoints
{
    public static RouteGroupBuilder MapInstitutionAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/institutions").RequireAuthorization(Roles.Admin).WithTags("Administration");
        admin.MapGet("", ListAsync)
            .WithSummary("Institutions, newest first: a substring of the name, business or certification number or email; a state");
        admin.MapGet("/{id:guid}", GetAsync).WithSummary("One institution with its managers");
        admin.MapPost("/{id:guid}/suspend", SuspendAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Suspend an institution: its courses leave the catalog and no new contract is made for them")
            .WithDescription("Its managers keep their accounts; requests for its courses are refused and pending ones cannot be accepted; " +
                             "contracts already accepted run on and their learners keep learning. 409 already-suspended.");
        admin.MapPost("/{id:guid}/reinstate", ReinstateAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reinstate a suspended institution: its published courses are back in the catalog")
            .WithDescription("409 not-suspended when it is not suspended.");
        return api;
    }

    internal static async Task<Ok<Paged<AdminInstitutionView>>> ListAsync(
        [AsParameters] AdminInstitutionQuery query, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        var institutions = db.Institutions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            institutions = institutions.Where(i => i.Name.Contains(text) || i.BusinessNumber.Contains(text) ||
                i.CertifiedNumber.Contains(text) || i.Email.Contains(text));
        }
        institutions = query.State switch
        {
            OrganisationStates.Active => institutions.Where(i => i.SuspendedAt == null),
            OrganisationStates.Suspended => institutions.Where(i => i.SuspendedAt != null),
            _ => institutions,
        };

        var views = institutions.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new AdminInstitutionView(i.Id, i.Name, i.OwnerName, i.BusinessNumber, i.CertifiedNumber, i.Email, i.Phone,
                i.SuspendedAt == null ? OrganisationStates.Active : OrganisationStates.Suspended, i.CreatedAt, i.SuspendedAt,
                db.Managers.Count(m => m.InstitutionId == i.Id),
                db.Courses.Count(c => c.InstitutionId == i.Id && c.State == CourseStates.Published)));
        return TypedResults.Ok(await views.ToPagedAsync(query.Page, query.Size, cancellationToken));
    }

    internal static async Task<Results<Ok<AdminInstitutionDetail>, ProblemHttpResult>> GetAsync(
        Guid id, InstitutionDbContext db, CancellationToken cancellationToken) =>
        await DetailAsync(db, id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : NoSuchInstitution();

    internal static Task<Results<Ok<AdminInstitutionDetail>, ProblemHttpResult>> SuspendAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeStandingAsync(id, suspend: true, request, caller, db, clock, cancellationToken);

    internal static Task<Results<Ok<AdminInstitutionDetail>, ProblemHttpResult>> ReinstateAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeStandingAsync(id, suspend: false, request, caller, db, clock, cancellationToken);

    // The change, the event the company service follows (no new contracts) and the audit entry commit together.
    private static async Task<Results<Ok<AdminInstitutionDetail>, ProblemHttpResult>> ChangeStandingAsync(Guid id, bool suspend,
        AdminActionRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } institution)
        {
            return NoSuchInstitution();
        }

        var now = clock.GetUtcNow();
        if (suspend ? !institution.Suspend(now) : !institution.Reinstate())
        {
            return suspend
                ? Problems.Conflict("already-suspended", "The institution is already suspended.")
                : Problems.Conflict("not-suspended", "The institution is not suspended.");
        }

        db.PublishOnSave(new InstitutionSuspensionChanged(institution.Id, suspend, institution.Version, now));
        db.RecordOnSave(caller.GetUserId(), suspend ? AdminActionKinds.InstitutionSuspended : AdminActionKinds.InstitutionReinstated,
            AdminTargetTypes.Institution, institution.Id, institution.Name, request.Reason, now);
        if (await InstitutionEndpoints.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok((await DetailAsync(db, id, cancellationToken))!);
    }

    private static async Task<AdminInstitutionDetail?> DetailAsync(InstitutionDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } i)
        {
            return null;
        }

        var published = await db.Courses.CountAsync(c => c.InstitutionId == id && c.State == CourseStates.Published, cancellationToken);
        var managers = await InstitutionEndpoints.ManagersOfAsync(db, id, cancellationToken);
        return new AdminInstitutionDetail(i.Id, i.Name, i.OwnerName, i.BusinessNumber, i.CertifiedNumber, i.Email, i.Phone, i.Address, i.Website,
            OrganisationStates.Of(i.SuspendedAt), i.CreatedAt, i.SuspendedAt, published, managers);
    }

    private static ProblemHttpResult NoSuchInstitution() => Problems.NotFound("The institution does not exist.");
}
