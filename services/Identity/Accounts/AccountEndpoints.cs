using Lms.Identity.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Accounts;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/signup", SignUp)
            .AllowAnonymous()
            .WithName("SignUp")
            .WithSummary("Create an account")
            .WithDescription("Registers a person and announces them to the other services (UserRegistered, through the outbox).")
            .WithTags("Accounts");
        return api;
    }

    internal static async Task<Results<Created<SignUpResponse>, ProblemHttpResult>> SignUp(
        SignUpRequest request, IdentityDbContext db, IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await IsTakenAsync(db, request, cancellationToken))
        {
            return AlreadyRegistered();
        }

        var account = Account.Register(request.Email, request.Username, request.Name,
            a => hasher.HashPassword(a, request.Password), clock.GetUtcNow());
        db.Accounts.Add(account);
        db.PublishOnSave(account.ToRegisteredEvent());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Another sign-up with the same email or username committed between the check and the save.
            return AlreadyRegistered();
        }

        return TypedResults.Created("/identity/v1/me", new SignUpResponse(account.Id, account.Email, account.Username, account.Name));
    }

    private static Task<bool> IsTakenAsync(IdentityDbContext db, SignUpRequest request, CancellationToken cancellationToken)
    {
        var email = Account.Normalize(request.Email);
        var username = Account.Normalize(request.Username);
        return db.Accounts.AnyAsync(a => a.NormalizedEmail == email || a.NormalizedUsername == username, cancellationToken);
    }

    private static ProblemHttpResult AlreadyRegistered() =>
        Problems.Conflict("account-exists", "The email or username is already registered.");
}
