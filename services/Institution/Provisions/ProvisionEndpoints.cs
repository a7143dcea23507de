using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Lms.Contracts.Provisions;
using Lms.Institution.Data;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Provisions;

public sealed record DecisionReason([property: Required, MaxLength(500)] string Reason);

public sealed record InstitutionProvisionQuery(
    [property: AllowedValues(null, ProvisionStates.Requested, ProvisionStates.Accepted, ProvisionStates.Declined, ProvisionStates.Cancelled,
        ProvisionStates.RosterSubmitted, ProvisionStates.Registered, ProvisionStates.InProgress, ProvisionStates.Finished)] string? State = null,
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

public sealed record InstitutionProvisionSummary(Guid Id, Guid CourseId, string CourseTitle, Guid CompanyId, string CompanyName,
    DateOnly BeginDate, DateOnly EndDate, int Seats, string State);

public sealed record InstitutionProvisionView(Guid Id, Guid CourseId, string CourseTitle, Guid CompanyId, string CompanyName,
    DateOnly BeginDate, DateOnly EndDate, int Seats, string? Deposit, string State, IReadOnlyList<Guid> Roster,
    IReadOnlyList<ProvisionTransition> History, long Version);

/// <summary>The institution side of course provision: requests and contracts, and the institution's decisions.</summary>
public static class ProvisionEndpoints
{
    public static RouteGroupBuilder MapProvisionEndpoints(this RouteGroupBuilder api)
    {
        var provisions = api.MapGroup("/course-provides").RequireAuthorization(Roles.InstitutionManager).WithTags("Course provision");
        provisions.MapGet("", ListAsync).WithSummary("Requests and contracts for the institution's courses, by state");
        provisions.MapGet("/{id:guid}", GetAsync).WithSummary("One provision with roster and history");
        provisions.MapPost("/{id:guid}/accept", (Guid id, ClaimsPrincipal caller, HttpRequest request, InstitutionDbContext db, CompanyDecisions company, CancellationToken ct) =>
                DecideAsync(id, "accept", null, caller, request, db, company, ct))
            .WithSummary("REQUESTED → ACCEPTED");
        provisions.MapPost("/{id:guid}/decline", (Guid id, DecisionReason body, ClaimsPrincipal caller, HttpRequest request, InstitutionDbContext db, CompanyDecisions company, CancellationToken ct) =>
                DecideAsync(id, "decline", body.Reason, caller, request, db, company, ct))
            .WithSummary("REQUESTED → DECLINED, with a reason");
        provisions.MapPost("/{id:guid}/approve-roster", (Guid id, ClaimsPrincipal caller, HttpRequest request, InstitutionDbContext db, CompanyDecisions company, CancellationToken ct) =>
                DecideAsync(id, "approve-roster", null, caller, request, db, company, ct))
            .WithSummary("ROSTER_SUBMITTED → REGISTERED: the employees are enrolled");
        provisions.MapPost("/{id:guid}/return-roster", (Guid id, DecisionReason body, ClaimsPrincipal caller, HttpRequest request, InstitutionDbContext db, CompanyDecisions company, CancellationToken ct) =>
                DecideAsync(id, "return-roster", body.Reason, caller, request, db, company, ct))
            .WithSummary("ROSTER_SUBMITTED → ACCEPTED, with a reason, for the company to fix the roster");
        return api;
    }

    internal static async Task<Results<Ok<Paged<InstitutionProvisionSummary>>, ProblemHttpResult>> ListAsync(
        [AsParameters] InstitutionProvisionQuery query, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return InstitutionEndpoints.NotAManager();
        }

        var provisions = db.Provisions.AsNoTracking().Where(p => p.InstitutionId == institutionId);
        if (query.State is { } state)
        {
            provisions = provisions.Where(p => p.State == state);
        }

        var total = await provisions.CountAsync(cancellationToken);
        var items = await provisions.OrderByDescending(p => p.UpdatedAt).Skip((query.Page - 1) * query.Size).Take(query.Size)
            .Select(p => new InstitutionProvisionSummary(p.Id, p.CourseId, p.CourseTitle, p.CompanyId, p.CompanyName, p.BeginDate, p.EndDate, p.Seats, p.State))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<InstitutionProvisionSummary>(items, query.Page, query.Size, total));
    }

    internal static async Task<Results<Ok<InstitutionProvisionView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await OwnAsync(db, caller, id, cancellationToken) is not { } p)
        {
            return NotFound();
        }

        return TypedResults.Ok(new InstitutionProvisionView(p.Id, p.CourseId, p.CourseTitle, p.CompanyId, p.CompanyName, p.BeginDate, p.EndDate,
            p.Seats, p.Deposit, p.State, p.Roster, p.History, p.Version));
    }

    private static async Task<IResult> DecideAsync(Guid id, string decision, string? reason, ClaimsPrincipal caller, HttpRequest request,
        InstitutionDbContext db, CompanyDecisions company, CancellationToken cancellationToken)
    {
        if (await OwnAsync(db, caller, id, cancellationToken) is null || CompanyDecisions.TokenOf(request) is not { } token)
        {
            return NotFound();
        }

        try
        {
            var (status, body) = await company.DecideAsync(id, decision, reason, token, cancellationToken);
            return body is { } json
                ? Results.Json(json, statusCode: (int)status, contentType: (int)status >= 400 ? "application/problem+json" : "application/json")
                : Results.StatusCode((int)status);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The company side of the contract cannot be reached right now. Reload the provision and try again shortly.",
                type: Problems.TypeBase + "company-unavailable");
        }
    }

    // Another institution's provision is indistinguishable from one that does not exist.
    private static async Task<ProvisionCopy?> OwnAsync(InstitutionDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken) =>
        await ManagedInstitution.IdAsync(db, caller, cancellationToken) is { } institutionId
            ? await db.Provisions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.InstitutionId == institutionId, cancellationToken)
            : null;

    private static ProblemHttpResult NotFound() => Problems.NotFound("The course provision does not exist.");
}
