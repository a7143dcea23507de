using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;

namespace Lms.Gateway.Security;

/// <summary>
/// Rejects a request whose bearer token does not validate before it reaches any service. Requests without a
/// token pass (sign-up, the catalog of categories, verification) and each service decides what needs one.
/// </summary>
public static class EdgeAuthentication
{
    public static IApplicationBuilder UseEdgeTokenValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var presentsToken = context.Request.Headers.Authorization.Count > 0 ||
                                context.Request.Cookies.ContainsKey(AuthCookieNames.AccessToken);
            if (presentsToken && context.User.Identity?.IsAuthenticated != true)
            {
                // The bearer handler's challenge sets 401 and WWW-Authenticate; status code pages add the problem body.
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });
}
