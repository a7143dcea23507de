using System.Globalization;
using System.Security.Claims;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.Identity.SignInGuard;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Identity.Sessions;

public static class SessionEndpoints
{
    private const string SuccessorPurpose = "Lms.Identity.RefreshTokenSuccessor";

    // Compared against when the login is unknown, so an unknown login costs as much time as a wrong password.
    private static readonly string DecoyHash = new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString());

    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/signin", SignInAsync).AllowAnonymous()
            .WithSummary("Sign in with email or username")
            .WithDescription("Returns an access token (15 min) and a refresh token (14 days), also set as httpOnly cookies. " +
                             "Wrong password, unknown login and unconfirmed account answer the same 401; repeated failures lock the account for a while " +
                             "(429 locked-out). A client address that has failed too often recently is refused before anything is checked " +
                             "(429 sign-in-throttled, Retry-After), and when password hashing is saturated the answer is 503 sign-in-busy (Retry-After). " +
                             "A suspended account with the right password is refused with 403 account-suspended (contact support).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("Sessions");
        api.MapPost("/token/refresh", RefreshAsync).AllowAnonymous()
            .WithSummary("Exchange a refresh token (body or cookie) for a new pair")
            .WithDescription("The presented token is spent. Presented again within 10 seconds by the client that spent it (another tab " +
                             "refreshing at the same time: the same browser, known by its lms_client cookie, or for a client without cookies the " +
                             "same address, IPv6 by /64) it gets the same successor; presented again later, or by any other client, it revokes " +
                             "its whole session. A token of a suspended account is refused with 403 account-suspended.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Sessions");
        api.MapPost("/signout", SignOutAsync).RequireAuthorization()
            .WithSummary("End this session: its refresh tokens are revoked and the cookies cleared")
            .WithTags("Sessions");
        api.MapPost("/signout/everywhere", SignOutEverywhereAsync).RequireAuthorization()
            .WithSummary("End every session of the account, this one included")
            .WithDescription("For a lost phone or a shared computer: every refresh token of the account is revoked, the access tokens " +
                             "they were given stop working at once, open live classrooms are closed, and this browser's cookies are cleared.")
            .WithTags("Sessions");
        return api;
    }

    /// <remarks>
    /// Takes only singletons besides the request: an attempt refused by the guard (an address past its budget, hashing
    /// saturated) costs neither a database look-up nor building the account services, which under a flood of guesses is
    /// most of what the flood costs.
    /// </remarks>
    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, AddressFailureBudget budget, PasswordHashingGate hashing, SignInMetrics metrics, HttpContext context,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // Refused before the login is even looked up: the answer cannot tell whether it exists, and costs no hash.
        var address = ClientAddress.Of(context);
        var standing = budget.StandingOf(address);
        if (budget.TryBegin(address) is { } retryAfter)
        {
            metrics.Refused(SignInMetrics.Throttled);
            return SignInRefusals.AddressThrottled(context.Response, retryAfter);
        }

        var outcome = SignInOutcome.NotJudged;
        try
        {
            // The slot covers the look-up as well as the hash, so a refusal for a full queue comes before either.
            using var slot = await hashing.EnterAsync(standing, cancellationToken);
            if (slot is null)
            {
                metrics.Refused(SignInMetrics.Busy);
                return SignInRefusals.Busy(context.Response);
            }

            var (result, judged) = await JudgeAsync(request, slot, metrics, context.RequestServices, context.Response, clock, cancellationToken);
            outcome = judged;
            return result;
        }
        finally
        {
            budget.End(address, outcome);
        }
    }

    private static async Task<(Results<Ok<TokenResponse>, ProblemHttpResult> Result, SignInOutcome Outcome)> JudgeAsync(
        SignInRequest request, PasswordHashingGate.Slot slot, SignInMetrics metrics, IServiceProvider services, HttpResponse response,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var user = request.Login.Contains('@', StringComparison.Ordinal)
            ? await users.FindByEmailAsync(request.Login)
            : await users.FindByNameAsync(request.Login);
        if (user is not null && await users.IsLockedOutAsync(user))
        {
            metrics.Refused(SignInMetrics.LockedOut);
            return (LockedOut(user, clock, response), SignInOutcome.NotJudged);
        }

        // An unknown login hashes once, as a wrong password does: neither timing nor answer differs.
        bool passwordMatches;
        using (slot)
        {
            if (user is null)
            {
                users.PasswordHasher.VerifyHashedPassword(new User(), DecoyHash, request.Password);
                metrics.Refused(SignInMetrics.UnknownLogin);
                return (InvalidCredentials(), SignInOutcome.Failed);
            }

            passwordMatches = await users.CheckPasswordAsync(user, request.Password);
        }

        if (!passwordMatches)
        {
            // Parallel failures race on the account's concurrency stamp; a lost race is retried on a fresh copy
            // so that every failure counts towards the lockout.
            for (var attempt = 0; attempt < 3 && !(await users.AccessFailedAsync(user)).Succeeded; attempt++)
            {
                user = await users.FindByIdAsync(user.Id.ToString()) ?? user;
            }
            metrics.Refused(SignInMetrics.WrongPassword);
            return (await users.IsLockedOutAsync(user) ? LockedOut(user, clock, response) : InvalidCredentials(), SignInOutcome.Failed);
        }

        if (!user.EmailConfirmed)
        {
            metrics.Refused(SignInMetrics.Unconfirmed);
            return (InvalidCredentials(), SignInOutcome.Failed);
        }

        await users.ResetAccessFailedCountAsync(user);
        // Only now, with the password right: the refusal tells the owner why, and nobody else that the account is suspended.
        // Not a failed guess, and no sign-in that would make the address trusted.
        if (user.IsSuspended || await services.GetRequiredService<SessionIssuer>().StartAsync(user, cancellationToken) is not { } session)
        {
            return (SuspendedAccounts.Refusal(), SignInOutcome.NotJudged);
        }

        services.GetRequiredService<AuthCookies>().Append(response, session);
        return (TypedResults.Ok(TokenResponse.From(session)), SignInOutcome.Succeeded);
    }

    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest? request, HttpRequest httpRequest, HttpResponse response, AccountsDbContext db, UserManager<User> users,
        SessionIssuer sessions, AuthCookies cookies, IDataProtectionProvider protection, TimeProvider clock, CancellationToken cancellationToken)
    {
        var presented = request?.RefreshToken ?? httpRequest.Cookies[AuthCookieNames.RefreshToken];
        if (string.IsNullOrWhiteSpace(presented))
        {
            return InvalidRefreshToken();
        }

        var hash = RefreshToken.Hash(presented);
        var stored = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (stored is null || (!stored.IsUsable(now) && !stored.IsReplay))
        {
            return InvalidRefreshToken();
        }

        // A lockout stops password guesses, which anyone can make against any login; it does not end the sessions the
        // owner already holds (those end by sign-out, a password reset or change, a replayed token, or a suspension).
        var user = await users.FindByIdAsync(stored.UserId.ToString());
        if (user is null)
        {
            return InvalidRefreshToken();
        }

        // The suspension revoked every session; whoever still holds one of its tokens is told why rather than "invalid".
        if (user.IsSuspended)
        {
            cookies.Clear(response);
            return SuspendedAccounts.Refusal();
        }

        // Spend it atomically, recording its successor and who spent it in the same statement: of two requests presenting
        // the same token only one spends it, and the other finds the successor at once.
        var client = RefreshClient.Of(httpRequest.HttpContext);
        var successors = protection.CreateProtector(SuccessorPurpose);
        var (next, nextToken) = RefreshToken.Issue(stored.UserId, stored.FamilyId, now);
        var sealedSuccessor = successors.Protect(nextToken);
        var spent = stored.IsUsable(now) && await db.RefreshTokens
            .Where(t => t.Id == stored.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t
                .SetProperty(x => x.UsedAt, now)
                .SetProperty(x => x.SealedSuccessor, sealedSuccessor)
                .SetProperty(x => x.SpentBy, client), cancellationToken) == 1;
        if (!spent)
        {
            // Another tab of the same browser (or the same API client) refreshed a moment ago: the same successor, not a
            // revocation. From any other client it is a replay.
            var current = await db.RefreshTokens.AsNoTracking().SingleAsync(t => t.Id == stored.Id, cancellationToken);
            if (current.IsWithinReuseGrace(now, client))
            {
                var again = await sessions.WithAccessTokenAsync(user, current.FamilyId, successors.Unprotect(current.SealedSuccessor!),
                    current.UsedAt!.Value + RefreshToken.Lifetime, cancellationToken);
                cookies.Append(response, again);
                return TypedResults.Ok(TokenResponse.From(again));
            }

            await SessionState.RevokeAsync(db, stored.FamilyId, now, cancellationToken);
            cookies.Clear(response);
            return InvalidRefreshToken();
        }

        if (await sessions.ContinueAsync(user, next, nextToken, cancellationToken) is not { } session)
        {
            cookies.Clear(response);
            return SuspendedAccounts.Refusal();
        }

        cookies.Append(response, session);
        return TypedResults.Ok(TokenResponse.From(session));
    }

    internal static async Task<NoContent> SignOutAsync(
        ClaimsPrincipal caller, HttpResponse response, AccountsDbContext db, AuthCookies cookies, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(caller.FindFirstValue(JwtRegisteredClaimNames.Sid), out var sessionId))
        {
            await SessionState.RevokeAsync(db, sessionId, clock.GetUtcNow(), cancellationToken);
        }

        cookies.Clear(response);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> SignOutEverywhereAsync(
        ClaimsPrincipal caller, HttpResponse response, AccountsDbContext db, AuthCookies cookies, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(caller.FindFirstValue(LmsClaims.Subject), out var userId))
        {
            await SessionState.RevokeAllAsync(db, userId, keep: null, clock.GetUtcNow(), cancellationToken);
        }

        cookies.Clear(response);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The login or password is not correct, or the account is not confirmed yet.",
        type: Problems.TypeBase + "invalid-credentials");

    private static ProblemHttpResult InvalidRefreshToken() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The refresh token is not valid. Sign in again.",
        type: Problems.TypeBase + "invalid-refresh-token");

    private static ProblemHttpResult LockedOut(User user, TimeProvider clock, HttpResponse response)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalSeconds));
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed sign-in attempts. Try again later.",
            type: Problems.TypeBase + "locked-out");
    }
}
