using System.Security.Claims;
using Lms.Company.Companies;
using Lms.Company.Data;
using Lms.Contracts.Administration;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Administration;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Administration;

/// <summary>The platform admin's view of companies, and their suspension (audited through identity's trail).</summary>
public static class CompanyAdminEndpoints
{
    public static RouteGroupBuilder MapCompanyAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/companies").RequireAuthorization(Roles.Admin).WithTags("Administration");
        admin.MapGet("", ListAsync)
            .WithSummary("Companies, newest first: a substring of the name, email domain or business number; a state");
        admin.MapGet("/{id:guid}", GetAsync).WithSummary("One company with its supervisors");
        admin.MapPost("/{id:guid}/suspend", SuspendAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Suspend a company: it makes no new course contracts")
            .WithDescription("Its members keep their accounts; its course requests are refused (409 company-suspended) and its pending " +
                             "ones cannot be accepted; contracts already accepted run on and its learners keep learning. 409 already-suspended.");
        admin.MapPost("/{id:guid}/reinstate", ReinstateAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reinstate a suspended company: it can request courses again")
            .WithDescription("409 not-suspended when it is not suspended.");
        return api;
    }

    internal static async Task<Ok<Paged<AdminCompanyView>>> ListAsync(
        [AsParameters] AdminCompanyQuery query, CompanyDbContext db, CancellationToken cancellationToken)
    {
        var companies = db.Companies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            companies = companies.Where(c => c.Name.Contains(text) || c.EmailDomain.Contains(text) || c.BusinessNumber.Contains(text));
        }
        companies = query.State switch
        {
            OrganisationStates.Active => companies.Where(c => c.SuspendedAt == null),
            OrganisationStates.Suspended => companies.Where(c => c.SuspendedAt != null),
            _ => companies,
        };

        var views = companies.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new AdminCompanyView(c.Id, c.Name, c.OwnerName, c.BusinessNumber, c.EmailDomain, c.Phone,
                c.SuspendedAt == null ? OrganisationStates.Active : OrganisationStates.Suspended, c.CreatedAt, c.SuspendedAt,
                db.Members.Count(m => m.CompanyId == c.Id)));
        return TypedResults.Ok(await views.ToPagedAsync(query.Page, query.Size, cancellationToken));
    }

    internal static async Task<Results<Ok<AdminCompanyDetail>, ProblemHttpResult>> GetAsync(
        Guid id, CompanyDbContext db, CancellationToken cancellationToken) =>
        await DetailAsync(db, id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : NoSuchCompany();

    internal static Task<Results<Ok<AdminCompanyDetail>, ProblemHttpResult>> SuspendAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeStandingAsync(id, suspend: true, request, caller, db, clock, cancellationToken);

    internal static Task<Results<Ok<AdminCompanyDetail>, ProblemHttpResult>> ReinstateAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeStandingAsync(id, suspend: false, request, caller, db, clock, cancellationToken);

    // The change and its audit entry commit together; the company's own rules read the standing from its row.
    private static async Task<Results<Ok<AdminCompanyDetail>, ProblemHttpResult>> ChangeStandingAsync(Guid id, bool suspend,
        AdminActionRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Companies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } company)
        {
            return NoSuchCompany();
        }

        var now = clock.GetUtcNow();
        if (suspend ? !company.Suspend(now) : !company.Reinstate())
        {
            return suspend
                ? Problems.Conflict("already-suspended", "The company is already suspended.")
                : Problems.Conflict("not-suspended", "The company is not suspended.");
        }

        db.RecordOnSave(caller.GetUserId(), suspend ? AdminActionKinds.CompanySuspended : AdminActionKinds.CompanyReinstated,
            AdminTargetTypes.Company, company.Id, company.Name, request.Reason, now);
        if (await CompanyEndpoints.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok((await DetailAsync(db, id, cancellationToken))!);
    }

    private static async Task<AdminCompanyDetail?> DetailAsync(CompanyDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } c)
        {
            return null;
        }

        var memberCount = await db.Members.CountAsync(m => m.CompanyId == id, cancellationToken);
        var supervisors = await (
            from member in db.Members.AsNoTracking()
            where member.CompanyId == id && member.Role == CompanyMemberRoles.Supervisor
            join user in db.Users.AsNoTracking() on member.UserId equals user.Id into users
            from user in users.DefaultIfEmpty()
            orderby member.JoinedAt
            select new MemberView(member.UserId, user == null ? null : user.Name, user == null ? null : user.Email, member.Role, member.JoinedAt))
            .ToListAsync(cancellationToken);
        return new AdminCompanyDetail(c.Id, c.Name, c.OwnerName, c.BusinessNumber, c.EmailDomain, c.Phone, c.Address,
            OrganisationStates.Of(c.SuspendedAt), c.CreatedAt, c.SuspendedAt, memberCount, supervisors);
    }

    private static ProblemHttpResult NoSuchCompany() => Problems.NotFound("The company does not exist.");
}
