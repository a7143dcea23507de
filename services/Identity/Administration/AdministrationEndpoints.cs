using System.Security.Claims;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Administration;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Administration;

/// <summary>The platform admin's work on accounts, and the audit trail of every admin action on the platform.</summary>
public static class AdministrationEndpoints
{
    public static RouteGroupBuilder MapAdministrationEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Roles.Admin).WithTags("Administration");
        admin.MapGet("/users", ListUsersAsync)
            .WithSummary("Accounts, newest first: a substring of the email, username or name, a state, a role");
        admin.MapGet("/users/{id:guid}", GetUserAsync).WithSummary("One account as admins see it");
        admin.MapPost("/users/{id:guid}/suspend", SuspendAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Suspend an account: every session ends at once and sign-in is refused")
            .WithDescription("Every session of the account is revoked (its access tokens stop at once here and in live classrooms; in " +
                             "the other services they lapse within their 15 minutes), and sign-in and refresh answer 403 account-suspended. " +
                             "Its organisation membership, enrollments and records stay. 409 own-account for the caller's own account, " +
                             "409 already-suspended.");
        admin.MapPost("/users/{id:guid}/reinstate", ReinstateAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reinstate a suspended account: it can sign in again")
            .WithDescription("409 not-suspended when it is not suspended.");
        admin.MapPost("/users/{id:guid}/grant-admin", GrantAdminAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Give an account the admin role (in its next token)")
            .WithDescription("Only to an active account: 409 account-not-active for one suspended or unconfirmed, 409 already-admin.");
        admin.MapPost("/users/{id:guid}/revoke-admin", RevokeAdminAsync).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Take the admin role away; the account's sessions end so the role ends at once")
            .WithDescription("Never one's own (409 own-account): another admin does it, so the platform always keeps an admin. " +
                             "409 not-admin when the account does not hold the role.");
        admin.MapGet("/actions", ListActionsAsync)
            .WithSummary("The audit trail of every admin action on the platform, newest first, by target or by admin")
            .WithDescription("Accounts' actions appear at once; institutions' and companies' within moments (they arrive as events).");
        return api;
    }

    internal static async Task<Ok<Paged<AdminUserView>>> ListUsersAsync(
        [AsParameters] AdminUserQuery query, AccountsDbContext db, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            users = users.Where(u => u.Email!.Contains(text) || u.UserName!.Contains(text) || u.Name.Contains(text));
        }

        users = query.State switch
        {
            AccountStates.Suspended => users.Where(u => u.SuspendedAt != null),
            AccountStates.Active => users.Where(u => u.SuspendedAt == null && u.EmailConfirmed),
            AccountStates.Unconfirmed => users.Where(u => u.SuspendedAt == null && !u.EmailConfirmed),
            _ => users,
        };
        users = query.Role switch
        {
            null => users,
            Roles.Admin => users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == PlatformRoles.Admin.Id)),
            Roles.Visitor => users.Where(u => u.Organisation == null),
            var role => users.Where(u => u.Organisation != null && u.Organisation.Role == role),
        };

        var page = await users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .ToPagedAsync(query.Page, query.Size, cancellationToken);
        var ids = page.Items.Select(u => u.Id).ToList();
        var admins = (await db.UserRoles.Where(r => r.RoleId == PlatformRoles.Admin.Id && ids.Contains(r.UserId)).Select(r => r.UserId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return TypedResults.Ok(new Paged<AdminUserView>([.. page.Items.Select(u => AdminUserView.From(u, admins.Contains(u.Id)))],
            page.Page, page.Size, page.Total));
    }

    internal static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> GetUserAsync(Guid id, AccountsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } user)
        {
            return NoSuchAccount();
        }

        var isAdmin = await db.UserRoles.AnyAsync(r => r.UserId == id && r.RoleId == PlatformRoles.Admin.Id, cancellationToken);
        return TypedResults.Ok(AdminUserView.From(user, isAdmin));
    }

    internal static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> SuspendAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, AccountAdministration accounts, CancellationToken cancellationToken) =>
        Answer(await accounts.SuspendAsync(caller.GetUserId(), id, request.Reason, cancellationToken));

    internal static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> ReinstateAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, AccountAdministration accounts, CancellationToken cancellationToken) =>
        Answer(await accounts.ReinstateAsync(caller.GetUserId(), id, request.Reason, cancellationToken));

    internal static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> GrantAdminAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, AccountAdministration accounts, CancellationToken cancellationToken) =>
        Answer(await accounts.GrantAdminAsync(caller.GetUserId(), id, request.Reason, cancellationToken));

    internal static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> RevokeAdminAsync(
        Guid id, AdminActionRequest request, ClaimsPrincipal caller, AccountAdministration accounts, CancellationToken cancellationToken) =>
        Answer(await accounts.RevokeAdminAsync(caller.GetUserId(), id, request.Reason, cancellationToken));

    internal static async Task<Ok<Paged<AdminActionView>>> ListActionsAsync(
        [AsParameters] AdminActionQuery query, AccountsDbContext db, CancellationToken cancellationToken)
    {
        var actions = db.AdminActions.AsNoTracking();
        if (query.TargetType is { } targetType)
        {
            actions = actions.Where(a => a.TargetType == targetType);
        }
        if (query.TargetId is { } targetId)
        {
            actions = actions.Where(a => a.TargetId == targetId);
        }
        if (query.AdminId is { } adminId)
        {
            actions = actions.Where(a => a.AdminId == adminId);
        }

        var trail =
            from action in actions
            join user in db.Users.AsNoTracking() on action.AdminId equals user.Id into admins
            from user in admins.DefaultIfEmpty()
            orderby action.OccurredAt descending, action.Id descending
            select new AdminActionView(action.Id, action.OccurredAt, action.Action, action.TargetType, action.TargetId, action.TargetName,
                action.Reason, action.AdminId, user == null ? null : user.Name, user == null ? null : user.Email);
        return TypedResults.Ok(await trail.ToPagedAsync(query.Page, query.Size, cancellationToken));
    }

    private static Results<Ok<AdminUserView>, ProblemHttpResult> Answer(AdminOutcome outcome) => outcome switch
    {
        AdminOutcome.Done done => TypedResults.Ok(done.User),
        AdminOutcome.Refused refused => Problems.Conflict(refused.Refusal.Type, refused.Refusal.Title),
        AdminOutcome.NotAnAdmin => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
            title: "You no longer hold the admin role, or your account is suspended.", type: Problems.TypeBase + "not-an-admin"),
        _ => NoSuchAccount(),
    };

    private static ProblemHttpResult NoSuchAccount() => Problems.NotFound("The account does not exist.");
}
