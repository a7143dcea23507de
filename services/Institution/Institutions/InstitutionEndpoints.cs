using System.Security.Claims;
using Lms.Contracts.Institutions;
using Lms.Contracts.Memberships;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Institutions;

public static class InstitutionEndpoints
{
    public static RouteGroupBuilder MapInstitutionEndpoints(this RouteGroupBuilder api)
    {
        var institutions = api.MapGroup("/institutions").WithTags("Institutions");
        institutions.MapPost("", CreateAsync).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Roles.Visitor)
            .WithSummary("Register an institution; the caller becomes its first manager")
            .WithDescription("The caller's next token (after a refresh) carries the InstitutionManager role.");
        institutions.MapGet("/mine", GetMineAsync).RequireAuthorization(Roles.InstitutionManager).WithSummary("The caller's institution");
        institutions.MapPut("/mine", UpdateMineAsync).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Roles.InstitutionManager).WithSummary("Change the caller's institution");
        institutions.MapGet("/{id:guid}", GetPublicAsync).RequireAuthorization().WithSummary("An institution's public profile");

        var managers = institutions.MapGroup("/mine/managers").RequireAuthorization(Roles.InstitutionManager);
        managers.MapGet("", ListManagersAsync).WithSummary("The institution's managers");
        managers.MapDelete("/{userId:guid}", RemoveManagerAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Remove a manager (never the last one)");
        return api;
    }

    internal static async Task<Results<Created<InstitutionResponse>, ProblemHttpResult>> CreateAsync(
        InstitutionRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.GetUserId();
        if (await db.Managers.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return Problems.Conflict("already-a-manager", "You already manage an institution.");
        }

        var details = request.ToDetails();
        if (await IsTakenAsync(db, details, null, cancellationToken))
        {
            return NumbersTaken();
        }

        var now = clock.GetUtcNow();
        var institution = Institutions.Institution.Register(details, userId, now);
        db.Institutions.Add(institution);
        db.PublishOnSave(new InstitutionManagerAdded(institution.Id, userId, now));
        db.PublishOnSave(new InstitutionProfileChanged(institution.Id, institution.Name, institution.Version, now));
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"/institution/v1/institutions/{institution.Id}", InstitutionResponse.From(institution));
    }

    internal static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> GetMineAsync(
        ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken) =>
        await ManagedInstitution.FindAsync(db, caller, cancellationToken) is { } institution
            ? TypedResults.Ok(InstitutionResponse.From(institution))
            : NotAManager();

    internal static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> UpdateMineAsync(
        InstitutionRequest request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.FindAsync(db, caller, cancellationToken) is not { } institution)
        {
            return NotAManager();
        }

        var details = request.ToDetails();
        if (await IsTakenAsync(db, details, institution.Id, cancellationToken))
        {
            return NumbersTaken();
        }

        institution.Update(details);
        db.PublishOnSave(new InstitutionProfileChanged(institution.Id, institution.Name, institution.Version, clock.GetUtcNow()));
        return await SaveAsync(db, cancellationToken) is { } conflict ? conflict : TypedResults.Ok(InstitutionResponse.From(institution));
    }

    internal static async Task<Results<Ok<PublicInstitutionResponse>, ProblemHttpResult>> GetPublicAsync(
        Guid id, InstitutionDbContext db, CancellationToken cancellationToken) =>
        await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } institution
            ? TypedResults.Ok(new PublicInstitutionResponse(institution.Id, institution.Name, institution.Website, institution.Description))
            : Problems.NotFound("The institution does not exist.");

    internal static async Task<Results<Ok<IReadOnlyList<ManagerResponse>>, ProblemHttpResult>> ListManagersAsync(
        ClaimsPrincipal caller, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.IdAsync(db, caller, cancellationToken) is not { } institutionId)
        {
            return NotAManager();
        }

        return TypedResults.Ok(await ManagersOfAsync(db, institutionId, cancellationToken));
    }

    /// <summary>An institution's managers, longest-serving first, with their names from the user directory.</summary>
    internal static async Task<IReadOnlyList<ManagerResponse>> ManagersOfAsync(InstitutionDbContext db, Guid institutionId, CancellationToken cancellationToken) =>
        await (
            from manager in db.Managers.AsNoTracking()
            where manager.InstitutionId == institutionId
            join user in db.Users.AsNoTracking() on manager.UserId equals user.Id into users
            from user in users.DefaultIfEmpty()
            orderby manager.AddedAt
            select new ManagerResponse(manager.UserId, user == null ? null : user.Name, user == null ? null : user.Email, manager.AddedAt))
            .ToListAsync(cancellationToken);

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveManagerAsync(
        Guid userId, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.FindAsync(db, caller, cancellationToken) is not { } institution)
        {
            return NotAManager();
        }

        if (institution.Managers.All(m => m.UserId != userId))
        {
            return Problems.NotFound("This person is not a manager of your institution.");
        }

        if (!institution.RemoveManager(userId))
        {
            return Problems.Conflict("last-manager", "An institution keeps at least one manager.");
        }

        db.PublishOnSave(new InstitutionManagerRemoved(institution.Id, userId, clock.GetUtcNow()));
        return await SaveAsync(db, cancellationToken) is { } conflict ? conflict : TypedResults.NoContent();
    }

    private static Task<bool> IsTakenAsync(InstitutionDbContext db, InstitutionDetails details, Guid? except, CancellationToken cancellationToken) =>
        db.Institutions.AnyAsync(i => i.Id != except &&
            (i.BusinessNumber == details.BusinessNumber || i.CertifiedNumber == details.CertifiedNumber), cancellationToken);

    // Unique indexes settle races the checks above cannot; the row version catches concurrent edits.
    internal static Task<ProblemHttpResult?> SaveAsync(InstitutionDbContext db, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync("institution-exists",
            "An institution with this business number or certification number exists, or this person already manages one.", cancellationToken);

    private static ProblemHttpResult NumbersTaken() =>
        Problems.Conflict("institution-exists", "An institution with this business number or certification number exists.");

    internal static ProblemHttpResult NotAManager() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "You do not manage an institution.", type: Problems.TypeBase + "not-a-manager");
}
