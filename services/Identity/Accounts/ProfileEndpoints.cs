using System.Security.Claims;
using Lms.Contracts.Identity;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Lms.Identity.Accounts;

public static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var profile = api.MapGroup("").RequireAuthorization().WithTags("Profile");
        profile.MapGet("/me", GetMeAsync).WithSummary("Who the caller is: id, roles and organisation as of now");
        profile.MapGet("/users/me", GetProfileAsync).WithSummary("The caller's profile");
        profile.MapPut("/users/me", UpdateProfileAsync)
            .WithSummary("Change the caller's profile")
            .WithDescription("Name, birth date, gender and phone; the email is changed by a separate, confirmed flow.");
        return api;
    }

    internal static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(ClaimsPrincipal caller, UserManager<User> users)
    {
        if (await FindCallerAsync(caller, users) is not { } user)
        {
            return Problems.NotFound("The account no longer exists.");
        }

        var roles = user.TokenRoles(await users.GetRolesAsync(user));
        return TypedResults.Ok(new MeResponse(user.Id, user.UserName!, user.Email!, roles,
            user.Organisation?.OrganisationId, user.Organisation?.OrganisationType));
    }

    internal static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetProfileAsync(ClaimsPrincipal caller, UserManager<User> users) =>
        await FindCallerAsync(caller, users) is { } user
            ? TypedResults.Ok(ToProfile(user))
            : Problems.NotFound("The account no longer exists.");

    internal static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> UpdateProfileAsync(
        UpdateProfileRequest request, ClaimsPrincipal caller, UserManager<User> users, AccountsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await FindCallerAsync(caller, users) is not { } user)
        {
            return Problems.NotFound("The account no longer exists.");
        }

        user.Name = request.Name.Trim();
        user.BirthDate = request.BirthDate;
        user.Gender = request.Gender;
        user.PhoneNumber = request.Phone;
        user.ProfileChangedAt = clock.GetUtcNow();
        db.PublishOnSave(new UserProfileChanged(user.Id, user.Email!, user.UserName!, user.Name, user.ProfileChangedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToProfile(user));
    }

    private static Task<User?> FindCallerAsync(ClaimsPrincipal caller, UserManager<User> users) =>
        users.FindByIdAsync(caller.GetUserId().ToString());

    private static ProfileResponse ToProfile(User user) => new(user.Name, user.BirthDate, user.Gender, user.PhoneNumber, user.Email!);
}
