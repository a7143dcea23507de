using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Company.Companies;
using Lms.Company.Data;
using Lms.Company.Learning;
using Lms.Company.Provisions;
using Lms.Contracts.Memberships;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Members;

public sealed record MemberListQuery(
    [property: Range(1, 100_000)] int Page = 1,
    [property: Range(1, 100)] int Size = 20);

public sealed record ChangeRoleRequest(
    [property: Required, AllowedValues(CompanyMemberRoles.Supervisor, CompanyMemberRoles.Employee)] string Role);

/// <summary>The views of members, with names and emails from the user projection.</summary>
public static class MemberViews
{
    public static async Task<IReadOnlyList<MemberView>> OfAsync(CompanyDbContext db, Guid companyId, CancellationToken cancellationToken, int skip = 0, int take = int.MaxValue) =>
        await (
            from member in db.Members.AsNoTracking()
            where member.CompanyId == companyId
            join user in db.Users.AsNoTracking() on member.UserId equals user.Id into users
            from user in users.DefaultIfEmpty()
            orderby member.JoinedAt
            select new MemberView(member.UserId, user == null ? null : user.Name, user == null ? null : user.Email, member.Role, member.JoinedAt))
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
}

public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").RequireAuthorization(Roles.CompanySupervisor).WithTags("Members");
        members.MapGet("", ListAsync).WithSummary("The company's members");
        members.MapPatch("/{userId:guid}", ChangeRoleAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Promote an employee or demote a supervisor");
        members.MapDelete("/{userId:guid}", RemoveAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Remove a member from the company");
        api.MapDelete("/membership", LeaveAsync).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Roles.Employee)
            .WithSummary("Leave the company").WithTags("Members");
        return api;
    }

    internal static async Task<Results<Ok<Paged<MemberView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] MemberListQuery query, ClaimsPrincipal caller, CompanyDbContext db, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return CompanyEndpoints.NotASupervisor();
        }

        var items = await MemberViews.OfAsync(db, company.Id, cancellationToken, (query.Page - 1) * query.Size, query.Size);
        return TypedResults.Ok(new Paged<MemberView>(items, query.Page, query.Size, company.Members.Count));
    }

    internal static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ChangeRoleAsync(
        Guid userId, ChangeRoleRequest request, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return CompanyEndpoints.NotASupervisor();
        }

        if (company.Members.SingleOrDefault(m => m.UserId == userId) is not { } member)
        {
            return Problems.NotFound("This person is not a member of your company.");
        }

        if (request.Role == CompanyMemberRoles.Employee && company.IsLastSupervisor(userId))
        {
            return Problems.Conflict("last-supervisor", "A company keeps at least one supervisor.");
        }

        if (company.ChangeRole(userId, request.Role))
        {
            db.PublishOnSave(new CompanyMemberRoleChanged(company.Id, userId, request.Role, clock.GetUtcNow()));
            if (await CompanyEndpoints.SaveAsync(db, cancellationToken) is { } problem)
            {
                return problem;
            }
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return TypedResults.Ok(new MemberView(userId, user?.Name, user?.Email, member.Role, member.JoinedAt));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid userId, ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return CompanyEndpoints.NotASupervisor();
        }

        return await RemoveMemberAsync(db, company, userId, clock, cancellationToken);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> LeaveAsync(
        ClaimsPrincipal caller, CompanyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await MyCompany.OfMemberAsync(db, caller, cancellationToken) is not { } company)
        {
            return Problems.NotFound("You do not belong to a company.");
        }

        return await RemoveMemberAsync(db, company, caller.GetUserId(), clock, cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        CompanyDbContext db, Companies.Company company, Guid userId, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (company.Members.SingleOrDefault(m => m.UserId == userId) is not { } member)
        {
            return Problems.NotFound("This person is not a member of your company.");
        }

        if (company.IsLastSupervisor(userId))
        {
            return Problems.Conflict("last-supervisor", "A company keeps at least one supervisor.");
        }

        company.RemoveMember(member);
        await TakeOffRostersAsync(db, company.Id, userId, clock.GetUtcNow(), cancellationToken);
        db.PublishOnSave(new CompanyMemberLeft(company.Id, userId, clock.GetUtcNow()));
        return await CompanyEndpoints.SaveAsync(db, cancellationToken) is { } problem ? problem : TypedResults.NoContent();
    }

    private static readonly string[] RosterStates =
        [ProvisionStates.Accepted, ProvisionStates.RosterSubmitted, ProvisionStates.Registered, ProvisionStates.InProgress];

    /// <summary>
    /// Employment ends access: someone who leaves is taken off every roster of the company's open provisions in the
    /// same transaction, so no later snapshot of a provision enrolls them again (the student service also cancels their
    /// enrollments on <see cref="CompanyMemberLeft"/> at once).
    /// </summary>
    private static async Task TakeOffRostersAsync(CompanyDbContext db, Guid companyId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var provisions = await db.Provisions.Where(p => p.CompanyId == companyId && RosterStates.Contains(p.State)).ToListAsync(cancellationToken);
        var progressed = await db.LearnerProgress
            .Where(l => l.UserId == userId && (l.ProgressPercent > 0 || l.State == LearnerStates.Completed))
            .Select(l => l.ProvisionId).ToListAsync(cancellationToken);
        foreach (var provision in provisions.Where(p => p.RemoveLearner(userId, progressed.Contains(p.Id), now)))
        {
            ProvisionChanges.Publish(db, provision);
        }
    }
}
