using Lms.Contracts.Identity;
using Lms.Identity.Data;
using Lms.Identity.Email;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Accounts;

public static class SignUpEndpoints
{
    public static RouteGroupBuilder MapSignUpEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("").AllowAnonymous().WithTags("Accounts");
        accounts.MapPost("/signup", SignUpAsync)
            .WithSummary("Create an account")
            .WithDescription("Emails a 6-digit confirmation code (valid 24 h); the account can sign in once confirmed. An email held by an " +
                             "account left unconfirmed for more than 24 hours is free again: that account is replaced. " +
                             "Announces the person to the other services (UserRegistered).");
        accounts.MapPost("/confirm", ConfirmAsync)
            .WithSummary("Confirm the email with the emailed code")
            .WithDescription("Five wrong codes use the code up; ask for a new one. Wrong codes also count against the account's guess budget, " +
                             "shared by all its confirmation codes and not renewed by a new code: 10 a day, then 429 with Retry-After.");
        accounts.MapPost("/confirm/resend", ResendAsync)
            .WithSummary("Send a new confirmation code")
            .WithDescription("Always 202, whether or not the email belongs to an account.");
        return api;
    }

    internal static async Task<Results<Created<SignUpResponse>, ValidationProblem, ProblemHttpResult>> SignUpAsync(
        SignUpRequest request, UserManager<User> users, AccountsDbContext db, ConfirmationEmail email, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var holder = await users.FindByEmailAsync(request.Email);
        // Nobody proved this mailbox within a day: the address is not that account's to keep (it may have been
        // taken to block or pre-hijack the real owner), so signing up again replaces it.
        var stale = holder is not null && IsAbandoned(holder, now) ? holder : null;
        if ((holder is not null && stale is null) || await users.FindByNameAsync(request.Username) is { } named && named.Id != stale?.Id)
        {
            return AlreadyRegistered();
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = request.Email.Trim(),
            UserName = request.Username.Trim(),
            Name = request.Name.Trim(),
            BirthDate = request.BirthDate,
            Gender = request.Gender,
            PhoneNumber = request.Phone,
            CreatedAt = now,
            ProfileChangedAt = now,
        };

        string code;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityResult created;
            try
            {
                if (stale is not null && !(await users.DeleteAsync(stale)).Succeeded)
                {
                    return AlreadyRegistered();
                }

                created = await users.CreateAsync(user, request.Password);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                return AlreadyRegistered();
            }

            if (!created.Succeeded)
            {
                return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                    ? AlreadyRegistered()
                    : TypedResults.ValidationProblem(IdentityErrors.ByField(created.Errors));
            }

            (var confirmation, code) = EmailConfirmation.Issue(user.Id, now);
            db.EmailConfirmations.Add(confirmation);
            db.PublishOnSave(new UserRegistered(user.Id, user.Email, user.UserName, user.Name, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await email.SendAsync(user.Email, user.Name, code, cancellationToken);
        return TypedResults.Created("/identity/v1/me", new SignUpResponse(user.Id, user.Email, user.UserName, user.Name));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ConfirmAsync(
        ConfirmRequest request, UserManager<User> users, AccountsDbContext db, CodeGuesses guesses, HttpResponse response, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email);
        if (user is { EmailConfirmed: true })
        {
            return TypedResults.NoContent();
        }

        if (user is null || !await db.EmailConfirmations.AnyAsync(c => c.UserId == user.Id, cancellationToken))
        {
            return InvalidCode();
        }

        // The account's budget across all its codes first: a new code brings new tries but no new budget.
        if (await guesses.TryTakeAsync(user.Id, cancellationToken) is { } retryAfter)
        {
            return CodeGuesses.Exhausted(response, retryAfter);
        }

        // Reserve the guess before judging it, in one statement: parallel guesses cannot exceed the limit.
        var reserved = await db.EmailConfirmations
            .Where(c => c.UserId == user.Id && c.Attempts < EmailConfirmation.MaxAttempts)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken);
        var confirmation = await db.EmailConfirmations.AsNoTracking().SingleAsync(c => c.UserId == user.Id, cancellationToken);
        var result = reserved == 0 ? ConfirmationResult.TooManyAttempts : confirmation.Verify(request.Code, clock.GetUtcNow());
        if (result is ConfirmationResult.Confirmed or ConfirmationResult.Expired || reserved == 0)
        {
            // Right, expired, or never judged because this code's tries were used up: none is a wrong guess.
            await guesses.GiveBackAsync(user.Id, cancellationToken);
        }

        if (result == ConfirmationResult.Confirmed)
        {
            user.EmailConfirmed = true;
            await db.EmailConfirmations.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result switch
        {
            ConfirmationResult.Confirmed => TypedResults.NoContent(),
            ConfirmationResult.Expired => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "The code has expired. Ask for a new one.", type: Problems.TypeBase + "confirmation-code-expired"),
            ConfirmationResult.TooManyAttempts => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many wrong codes. Ask for a new one.", type: Problems.TypeBase + "confirmation-attempts-exhausted"),
            _ => InvalidCode(),
        };
    }

    internal static async Task<Accepted> ResendAsync(
        ResendRequest request, UserManager<User> users, AccountsDbContext db, ConfirmationEmail email, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email);
        if (user is { EmailConfirmed: false })
        {
            var now = clock.GetUtcNow();
            var confirmation = await db.EmailConfirmations.FindAsync([user.Id], cancellationToken);
            string? code = null;
            if (confirmation is null)
            {
                (confirmation, code) = EmailConfirmation.Issue(user.Id, now);
                db.EmailConfirmations.Add(confirmation);
            }
            else if (confirmation.MayResend(now))
            {
                code = confirmation.Renew(now);
            }

            if (code is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
                await email.SendAsync(user.Email!, user.Name, code, cancellationToken);
            }
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <summary>How long an unconfirmed account holds its email against a new sign-up.</summary>
    public static readonly TimeSpan UnconfirmedHoldsEmailFor = TimeSpan.FromHours(24);

    private static bool IsAbandoned(User user, DateTimeOffset now) =>
        !user.EmailConfirmed && now - user.CreatedAt >= UnconfirmedHoldsEmailFor;

    private static ProblemHttpResult AlreadyRegistered() =>
        Problems.Conflict("account-exists", "The email or username is already registered.");

    private static ProblemHttpResult InvalidCode() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "The email or code is not valid.", type: Problems.TypeBase + "invalid-confirmation-code");
}
