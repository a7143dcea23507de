using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Contracts.Provisions;
using Lms.Institution.Data;
using Lms.Institution.Institutions;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Provisions;

public sealed record DecisionContext(ClaimsPrincipal Caller, HttpContext Http, InstitutionDbContext Db, ProvisionDecisions Decisions);

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
    IReadOnlyList<ProvisionTransition> History, long Version, IReadOnlyList<Guid> PendingAdditions, IReadOnlyList<Guid> ConsumedSeats)
{
    public static InstitutionProvisionView From(ProvisionCopy p) => new(p.Id, p.CourseId, p.CourseTitle, p.CompanyId, p.CompanyName, p.BeginDate,
        p.EndDate, p.Seats, p.Deposit, p.State, p.Roster, p.History, p.Version, p.PendingAdditions, p.ConsumedSeats);
}

/// <summary>The institution side of course provision: requests and contracts, and the institution's decisions.</summary>
public static class ProvisionEndpoints
{
    public static RouteGroupBuilder MapProvisionEndpoints(this RouteGroupBuilder api)
    {
        var provisions = api.MapGroup("/course-provides").RequireAuthorization(Roles.InstitutionManager).WithTags("Course provision");
        provisions.MapGet("", ListAsync).WithSummary("Requests and contracts for the institution's courses, by state");
        provisions.MapGet("/{id:guid}", GetAsync).WithSummary("One provision with roster and history");
        provisions.MapPost("/{id:guid}/accept", (Guid id, [AsParameters] DecisionContext context) =>
                DecideAsync(id, ProvisionDecisionKinds.Accept, null, context))
            .WithSummary("REQUESTED → ACCEPTED").WithDecisionResponses();
        provisions.MapPost("/{id:guid}/decline", (Guid id, DecisionReason body, [AsParameters] DecisionContext context) =>
                DecideAsync(id, ProvisionDecisionKinds.Decline, body.Reason, context))
            .WithSummary("REQUESTED → DECLINED, with a reason").WithDecisionResponses();
        provisions.MapPost("/{id:guid}/approve-roster", (Guid id, [AsParameters] DecisionContext context) =>
                DecideAsync(id, ProvisionDecisionKinds.ApproveRoster, null, context))
            .WithSummary("ROSTER_SUBMITTED → REGISTERED: the employees are enrolled").WithDecisionResponses();
        provisions.MapPost("/{id:guid}/return-roster", (Guid id, DecisionReason body, [AsParameters] DecisionContext context) =>
                DecideAsync(id, ProvisionDecisionKinds.ReturnRoster, body.Reason, context))
            .WithSummary("ROSTER_SUBMITTED → ACCEPTED, with a reason, for the company to fix the roster").WithDecisionResponses();
        provisions.MapPost("/{id:guid}/approve-amendment", (Guid id, [AsParameters] DecisionContext context) =>
                DecideAsync(id, ProvisionDecisionKinds.ApproveAmendment, null, context))
            .WithSummary("Approve the employees the company asked to add to a registered roster: they are enrolled").WithDecisionResponses();
        provisions.MapPost("/{id:guid}/return-amendment", (Guid id, DecisionReason body, [AsParameters] DecisionContext context) =>
                DecideAsync(id, ProvisionDecisionKinds.ReturnAmendment, body.Reason, context))
            .WithSummary("Return a roster amendment to the company, with a reason; nobody is added").WithDecisionResponses();
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

        return TypedResults.Ok(InstitutionProvisionView.From(p));
    }

    /// <summary>
    /// The caller must manage the provision's institution before anything is sent; the company service then applies
    /// the decision (409 with the current state when it does not apply, 503 with Retry-After when it cannot answer).
    /// </summary>
    private static async Task<IResult> DecideAsync(Guid id, string decision, string? reason, DecisionContext context)
    {
        if (await OwnAsync(context.Db, context.Caller, id, context.Http.RequestAborted) is not { } copy)
        {
            return NotFound();
        }

        return await context.Decisions.DecideAsync(copy, decision, context.Caller.GetUserId(), reason, context.Http, context.Http.RequestAborted);
    }

    // The decision's answers come from ProvisionDecisions as an untyped IResult, so they are declared here.
    private static RouteHandlerBuilder WithDecisionResponses(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<InstitutionProvisionView>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    // Another institution's provision is indistinguishable from one that does not exist.
    private static async Task<ProvisionCopy?> OwnAsync(InstitutionDbContext db, ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken) =>
        await ManagedInstitution.IdAsync(db, caller, cancellationToken) is { } institutionId
            ? await db.Provisions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.InstitutionId == institutionId, cancellationToken)
            : null;

    private static ProblemHttpResult NotFound() => Problems.NotFound("The course provision does not exist.");
}
