using System.Globalization;
using System.Security.Claims;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.Identity.Email;
using Lms.Identity.Sessions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Identity.Passwords;

public static class PasswordEndpoints
{
    public static RouteGroupBuilder MapPasswordEndpoints(this RouteGroupBuilder api)
    {
        var passwords = api.MapGroup("/password").WithTags("Passwords");
        passwords.MapPost("/forgot", ForgotAsync).AllowAnonymous()
            .WithSummary("Email a password reset code")
            .WithDescription("Always 202 after the same work, whether or not the login belongs to an account. Only a confirmed account is sent " +
                             "a 6-digit code, valid 15 minutes and usable once; asking again within a minute sends nothing new.");
        passwords.MapPost("/reset", ResetAsync).AllowAnonymous()
            .WithSummary("Set a new password with the emailed code")
            .WithDescription("Ends every session of the account: its refresh tokens stop working and so do its access tokens at this service. " +
                             "Only a code that was asked for and is still pending is judged: five wrong guesses void it (ask for a new one). " +
                             "A wrong or void code, an account with no pending code and an unknown email all get the same 400 invalid-reset-code, " +
                             "and guesses cost an account with no pending code nothing.");
        passwords.MapPost("/change", ChangeAsync).RequireAuthorization()
            .WithSummary("Change the caller's password")
            .WithDescription("Needs the current password. Ends the account's other sessions; this one continues.");
        return api;
    }

    internal static async Task<Accepted> ForgotAsync(
        ForgotPasswordRequest request, UserManager<User> users, AccountsDbContext db, PasswordResetEmail email, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = request.Login.Contains('@', StringComparison.Ordinal)
            ? await users.FindByEmailAsync(request.Login)
            : await users.FindByNameAsync(request.Login);
        var now = clock.GetUtcNow();
        var reset = user is { EmailConfirmed: true } ? await db.PasswordResets.FindAsync([user.Id], cancellationToken) : null;
        string? code = null;
        if (user is { EmailConfirmed: true } && reset is null)
        {
            (reset, code) = PasswordReset.Issue(user.Id, now);
            db.PasswordResets.Add(reset);
        }
        else if (user is { EmailConfirmed: true } && reset!.MayResend(now))
        {
            code = reset.Renew(now);
        }
        else
        {
            PasswordReset.HashDecoy();
        }

        if (code is not null)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                email.Queue(user!.Email!, user.Name, code);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // A parallel request issued a code a moment ago; that one is sent.
            }
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <remarks>
    /// Only a code that was asked for and is still pending is judged, against that code's own guesses. A guess at an
    /// address without an account, at an account with no pending code, or at a code whose guesses are used up is hashed
    /// against a decoy and answered the same 400: it costs the account nothing and tells nobody whether it exists.
    /// </remarks>
    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetAsync(
        ResetPasswordRequest request, UserManager<User> users, AccountsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email);
        var reset = user is null ? null : await db.PasswordResets.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == user.Id, cancellationToken);
        if (user is null || reset is null)
        {
            return NotJudged(request.Code);
        }

        var now = clock.GetUtcNow();
        if (reset.IsExpired(now))
        {
            // Nothing left to guess at, so nothing counts; only the owner, holding the right code, learns that it expired.
            return reset.Matches(request.Code)
                ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "The code has expired. Ask for a new one.", type: Problems.TypeBase + "reset-code-expired")
                : InvalidCode();
        }

        // Take the guess before judging it, in one statement, so that parallel guesses cannot overrun the code's budget;
        // the hash pins it to the code just read (a code asked for meanwhile has guesses of its own).
        var taken = await db.PasswordResets
            .Where(r => r.UserId == user.Id && r.CodeHash == reset.CodeHash && r.WrongGuesses < PasswordReset.MaxWrongGuesses)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.WrongGuesses, x => x.WrongGuesses + 1), cancellationToken);
        if (taken == 0)
        {
            // Void: its guesses are used up, and even the right code needs asking for anew.
            return NotJudged(request.Code);
        }

        if (!reset.Matches(request.Code))
        {
            return InvalidCode();
        }

        // Only wrong guesses count: a right code sent with a password refused below stays usable.
        await db.PasswordResets
            .Where(r => r.UserId == user.Id && r.CodeHash == reset.CodeHash && r.WrongGuesses > 0)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.WrongGuesses, x => x.WrongGuesses - 1), cancellationToken);

        if (await ValidatePasswordAsync(users, user, request.NewPassword, "newPassword") is { } invalid)
        {
            return invalid;
        }

        // Spent by exactly one reset: of two requests with the same code, the second finds nothing to delete.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var spent = await db.PasswordResets
            .Where(r => r.UserId == user.Id && r.CodeHash == reset.CodeHash)
            .ExecuteDeleteAsync(cancellationToken);
        if (spent == 0)
        {
            return InvalidCode();
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.NewPassword);
        // Proving the mailbox lifts a lockout, which someone guessing the old password may have caused.
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await users.UpdateSecurityStampAsync(user);
        await SessionState.RevokeAllAsync(db, user.Id, keep: null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        ChangePasswordRequest request, ClaimsPrincipal caller, UserManager<User> users, AccountsDbContext db, HttpResponse response,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(caller.GetUserId().ToString()) is not { } user)
        {
            return Problems.NotFound("The account no longer exists.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return LockedOut(user, clock, response);
        }

        // A stolen access token must not be a way to try passwords without limit: failures count towards the lockout.
        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? LockedOut(user, clock, response)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is not correct."] });
        }

        if (await ValidatePasswordAsync(users, user, request.NewPassword, "newPassword") is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.NewPassword);
        user.AccessFailedCount = 0;
        await users.UpdateSecurityStampAsync(user);
        var current = Guid.TryParse(caller.FindFirstValue(JwtRegisteredClaimNames.Sid), out var sessionId) ? sessionId : (Guid?)null;
        await SessionState.RevokeAllAsync(db, user.Id, keep: current, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<ValidationProblem?> ValidatePasswordAsync(UserManager<User> users, User user, string password, string field)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [.. errors.Select(e => e.Description)] });
    }

    private static ProblemHttpResult InvalidCode() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "The email or code is not valid.", type: Problems.TypeBase + "invalid-reset-code");

    /// <summary>The answer to a guess with no code to judge, after the same hashing work as judging one.</summary>
    private static ProblemHttpResult NotJudged(string code)
    {
        PasswordReset.VerifyDecoy(code);
        return InvalidCode();
    }

    private static ProblemHttpResult LockedOut(User user, TimeProvider clock, HttpResponse response)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalSeconds));
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed attempts. Try again later.", type: Problems.TypeBase + "locked-out");
    }
}
