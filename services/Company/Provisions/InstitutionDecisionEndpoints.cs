using System.Security.Claims;
using Lms.Company.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Provisions;

/// <summary>
/// The institution's decisions, applied to the authoritative record here. Only the institution service calls
/// these (they are outside the service prefix, so the gateway does not route them); the manager's token is
/// forwarded and its organisation must be the provision's institution.
/// </summary>
public static class InstitutionDecisionEndpoints
{
    public const string Prefix = "/internal/course-provides";

    public static WebApplication MapInstitutionDecisionEndpoints(this WebApplication app)
    {
        var decisions = app.MapGroup(Prefix).RequireAuthorization(Roles.InstitutionManager)
            .AddEndpointFilterFactory(ValidationFilter.Create).ExcludeFromDescription();
        decisions.MapPost("/{id:guid}/accept", (Guid id, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, caller, db, (p, by) => p.Accept(by, clock.GetUtcNow()), ct));
        decisions.MapPost("/{id:guid}/decline", (Guid id, ReasonRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, caller, db, (p, by) => p.Decline(by, Required(request.Reason), clock.GetUtcNow()), ct));
        decisions.MapPost("/{id:guid}/approve-roster", (Guid id, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, caller, db, (p, by) => p.ApproveRoster(by, clock.GetUtcNow()), ct));
        decisions.MapPost("/{id:guid}/return-roster", (Guid id, ReasonRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, caller, db, (p, by) => p.ReturnRoster(by, Required(request.Reason), clock.GetUtcNow()), ct));
        return app;
    }

    private static async Task<Results<Ok<ProvisionView>, ProblemHttpResult>> DecideAsync(
        Guid id, ClaimsPrincipal caller, CompanyDbContext db, Func<CourseProvision, Guid, ProvisionRefusal?> decision, CancellationToken cancellationToken)
    {
        var institutionId = caller.GetOrganisationId();
        var provision = institutionId is null
            ? null
            : await db.Provisions.SingleOrDefaultAsync(p => p.Id == id && p.InstitutionId == institutionId, cancellationToken);
        return provision is null
            ? ProvisionEndpoints.NotFound()
            : await ProvisionChanges.ApplyAsync(db, provision, p => decision(p, caller.GetUserId()), cancellationToken);
    }

    private static string Required(string? reason) => string.IsNullOrWhiteSpace(reason) ? "(no reason given)" : reason.Trim();
}
