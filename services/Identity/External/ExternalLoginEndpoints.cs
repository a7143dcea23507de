using System.Security.Cryptography;
using Lms.Contracts.Identity;
using Lms.Identity.Accounts;
using Lms.Identity.Data;
using Lms.Identity.Sessions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lms.Identity.External;

public static class ExternalLoginEndpoints
{
    public static RouteGroupBuilder MapExternalLoginEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/external/providers", (IOptions<ExternalLoginOptions> options) => TypedResults.Ok(new ExternalProvidersResponse(
                [.. options.Value.Providers.Where(p => p.Value.IsEnabled).Select(p => p.Key.ToLowerInvariant()).Order(StringComparer.Ordinal)])))
            .AllowAnonymous()
            .WithTags("External sign-in")
            .WithSummary("The sign-in providers this installation has configured")
            .WithDescription("Lets a sign-in page offer only the buttons that work, without starting a sign-in.");
        var external = api.MapGroup("/external/{provider}").AllowAnonymous().WithTags("External sign-in");
        external.MapGet("", StartAsync)
            .WithSummary("Start signing in (or up) with a provider such as Google")
            .WithDescription("Redirects the browser to the provider. Enabled per provider when its client id and secret are configured.");
        external.MapGet("/callback", CallbackAsync)
            .WithSummary("The provider's redirect back: the code is exchanged on the server")
            .WithDescription("On success the session cookies are set and the browser is sent to the web app. A suspended account is " +
                             "refused with 403 account-suspended.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    // Ties the callback to the browser that started the sign-in, so a link carrying someone else's code and
    // state cannot sign a victim into the attacker's account (login CSRF).
    private const string StateCookie = "lms_oauth_state";

    internal static async Task<Results<RedirectHttpResult, ValidationProblem, ProblemHttpResult>> StartAsync(
        string provider, string? mode, HttpResponse response, IOptions<ExternalLoginOptions> options, IOptions<TokenIssuingOptions> tokens,
        AccountsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (options.Value.Find(provider) is not { } settings)
        {
            return Problems.NotFound("This sign-in provider is not enabled.");
        }

        if (mode is not (null or "signin" or "signup"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = ["Use 'signin' or 'signup'."] });
        }

        var now = clock.GetUtcNow();
        // Attempts abandoned at the provider leave rows behind; each new start clears the expired ones.
        await db.ExternalLoginStates.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var (stored, state) = ExternalLoginState.Start(provider, mode == "signup", now);
        db.ExternalLoginStates.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        response.Cookies.Append(StateCookie, state, StateCookieOptions(tokens.Value, now + ExternalLoginState.Lifetime));

        var url = QueryHelpers.AddQueryString(settings.AuthorizationEndpoint!, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = settings.ClientId,
            ["redirect_uri"] = CallbackUri(tokens.Value, provider),
            ["scope"] = settings.Scopes,
            ["state"] = state,
            ["code_challenge"] = stored.CodeChallenge,
            ["code_challenge_method"] = "S256",
        });
        return TypedResults.Redirect(url);
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> CallbackAsync(
        string provider, string? code, string? state, string? error, HttpRequest request, HttpResponse response,
        IOptions<ExternalLoginOptions> options, IOptions<TokenIssuingOptions> tokens, ProviderClient client, AccountsDbContext db,
        UserManager<User> users, SessionIssuer sessions, AuthCookies cookies, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (options.Value.Find(provider) is not { } settings)
        {
            return Problems.NotFound("This sign-in provider is not enabled.");
        }

        if (!string.IsNullOrEmpty(error))
        {
            return Refused($"The provider did not sign the person in ({error}).");
        }

        var startedHere = !string.IsNullOrEmpty(state) && request.Cookies[StateCookie] == state;
        response.Cookies.Delete(StateCookie, StateCookieOptions(tokens.Value, null));
        var stored = !startedHere ? null : await db.ExternalLoginStates.FindAsync([ExternalLoginState.Hash(state!)], cancellationToken);
        if (stored is null || string.IsNullOrEmpty(code) || !string.Equals(stored.Provider, provider, StringComparison.OrdinalIgnoreCase) || clock.GetUtcNow() > stored.ExpiresAt)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "This sign-in attempt is unknown, expired or already used. Start again.", type: Problems.TypeBase + "external-state-invalid");
        }

        // Used once, whatever happens next.
        db.ExternalLoginStates.Remove(stored);
        await db.SaveChangesAsync(cancellationToken);

        var identity = await client.ExchangeAsync(settings, code, CallbackUri(tokens.Value, provider), stored.CodeVerifier, cancellationToken);
        if (identity is null)
        {
            return Refused("The provider did not confirm the sign-in.");
        }

        var user = await FindOrLinkAsync(users, db, provider, identity, clock.GetUtcNow(), cancellationToken);
        if (user is null)
        {
            if (!stored.SignUp)
            {
                return Refused("No account is linked to this sign-in. Sign up first.");
            }

            if (identity.Email is null || !identity.EmailVerified)
            {
                return Refused("The provider did not give a verified email.");
            }

            user = await CreateAsync(users, db, provider, identity, clock.GetUtcNow(), cancellationToken);
            if (user is null)
            {
                return Problems.Conflict("account-exists", "The email is already registered.");
            }
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Refused("The account is locked for now. Try again later.");
        }

        if (user.IsSuspended || await sessions.StartAsync(user, cancellationToken) is not { } session)
        {
            return SuspendedAccounts.Refusal();
        }

        cookies.Append(response, session);
        return TypedResults.Redirect(options.Value.ReturnUrl);
    }

    private static CookieOptions StateCookieOptions(TokenIssuingOptions tokens, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = tokens.Cookies.Secure,
        SameSite = SameSiteMode.Lax,
        Path = "/identity/v1/external",
        Expires = expires,
        IsEssential = true,
    };

    private static string CallbackUri(TokenIssuingOptions tokens, string provider) =>
        $"{tokens.Issuer.TrimEnd('/')}/external/{provider.ToLowerInvariant()}/callback";

    // A provider-verified email that matches a confirmed account links the two; an unverified one never does. An
    // unconfirmed account with that email may have been created by someone else beforehand (pre-hijack): the provider
    // has just proved the mailbox belongs to this person, so the account becomes theirs, with nothing the other
    // party set up to get back in: its password and sessions are dropped.
    private static async Task<User?> FindOrLinkAsync(UserManager<User> users, AccountsDbContext db, string provider, ExternalIdentity identity,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await users.FindByLoginAsync(provider.ToLowerInvariant(), identity.Subject) is { } linked)
        {
            return linked;
        }

        if (identity.Email is null || !identity.EmailVerified || await users.FindByEmailAsync(identity.Email) is not { } byEmail)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!byEmail.EmailConfirmed)
        {
            await SessionState.RevokeAllAsync(db, byEmail.Id, keep: null, now, cancellationToken);
            await db.EmailConfirmations.Where(c => c.UserId == byEmail.Id).ExecuteDeleteAsync(cancellationToken);
            foreach (var login in await users.GetLoginsAsync(byEmail))
            {
                await users.RemoveLoginAsync(byEmail, login.LoginProvider, login.ProviderKey);
            }
            byEmail.PasswordHash = null;
            byEmail.EmailConfirmed = true;
            byEmail.AccessFailedCount = 0;
            byEmail.LockoutEnd = null;
            await users.UpdateSecurityStampAsync(byEmail);
        }

        await users.AddLoginAsync(byEmail, new UserLoginInfo(provider.ToLowerInvariant(), identity.Subject, provider));
        await transaction.CommitAsync(cancellationToken);
        return byEmail;
    }

    private static async Task<User?> CreateAsync(UserManager<User> users, AccountsDbContext db, string provider, ExternalIdentity identity,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var email = identity.Email!;
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            UserName = await FreeUsernameAsync(users, email),
            Name = string.IsNullOrWhiteSpace(identity.Name) ? email.Split('@')[0] : identity.Name.Trim(),
            EmailConfirmed = true,
            CreatedAt = now,
            ProfileChangedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            return null;
        }

        await users.AddLoginAsync(user, new UserLoginInfo(provider.ToLowerInvariant(), identity.Subject, provider));
        db.PublishOnSave(new UserRegistered(user.Id, user.Email, user.UserName!, user.Name, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    private static async Task<string> FreeUsernameAsync(UserManager<User> users, string email)
    {
        var local = new string(email.Split('@')[0].Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').Take(20).ToArray());
        var stem = local.Length >= 3 ? local : $"user{local}";
        while (true)
        {
            var candidate = $"{stem}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
            if (await users.FindByNameAsync(candidate) is null)
            {
                return candidate;
            }
        }
    }

    private static ProblemHttpResult Refused(string title) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: title, type: Problems.TypeBase + "external-sign-in-refused");
}
