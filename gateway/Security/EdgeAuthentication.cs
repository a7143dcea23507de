using Microsoft.AspNetCore.Authentication;

namespace Lms.Gateway.Security;

/// <summary>
/// Rejects a request whose Authorization header carries a token that does not validate, before it reaches any
/// service. Requests without one pass (sign-up, categories, verification) and each service decides what needs a
/// token. A stale access cookie is not refused here: the browser must still reach sign-in and refresh, and the
/// services treat an invalid cookie as no token at all.
/// </summary>
public static class EdgeAuthentication
{
    public static IApplicationBuilder UseEdgeTokenValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var presentsToken = context.Request.Headers.Authorization.Count > 0;
            if (presentsToken && context.User.Identity?.IsAuthenticated != true)
            {
                // The bearer handler's challenge sets 401 and WWW-Authenticate; status code pages add the problem body.
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });
}
