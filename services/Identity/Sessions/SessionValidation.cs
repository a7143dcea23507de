using System.Security.Claims;
using Lms.Identity.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Lms.Identity.Sessions;

/// <summary>
/// The identity service refuses an access token whose session has ended (signed out, replayed, or revoked by a
/// password reset or change) at once, rather than when the token expires: one indexed lookup per request.
/// </summary>
internal static class SessionValidation
{
    public static void RequireLiveSession(JwtBearerOptions options)
    {
        var events = options.Events ?? new JwtBearerEvents();
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is not null || context.Principal is null)
            {
                return;
            }

            var db = context.HttpContext.RequestServices.GetRequiredService<AccountsDbContext>();
            if (!Guid.TryParse(context.Principal.FindFirstValue(JwtRegisteredClaimNames.Sid), out var sessionId) ||
                !await SessionState.IsLiveAsync(db, sessionId, context.HttpContext.RequestAborted))
            {
                context.Fail("The session of this token has ended.");
            }
        };
        options.Events = events;
    }
}
