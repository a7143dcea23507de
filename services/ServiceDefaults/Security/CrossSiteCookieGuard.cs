using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Security;

/// <summary>
/// A browser attaches the access cookie to any request for our domain, including one a page on another site makes
/// it send (cross-site request forgery); SameSite=Lax does not stop sibling sub-domains. So a state-changing request
/// (POST, PUT, PATCH, DELETE) or a WebSocket upgrade that carries the access cookie must name, in <c>Origin</c> (or
/// failing that <c>Referer</c>), one of <c>Cors:AllowedOrigins</c>; otherwise it is refused with 403 before
/// authentication. WebSocket upgrades are GETs that CORS never guards: a page elsewhere could otherwise open the
/// classroom hub as its visitor (cross-site WebSocket hijacking). A cookie-carrying read that names a foreign
/// <c>Origin</c> (a script's fetch from another site) is refused too; a plain navigation sends no Origin and passes.
/// Every request to a SignalR hub (a path with a <c>hubs</c> segment) is held to the same rule, reads included: its
/// long-polling and server-sent-events transports are GETs, and a cross-site navigation carrying the cookie could
/// otherwise bind a connection someone else negotiated to the visitor. The web app's own requests name its page in
/// <c>Referer</c> even where a same-origin GET has no <c>Origin</c>.
/// A request with an <c>Authorization</c> header is not ridden on a cookie (a page cannot set that header on
/// another site's request) and passes unchecked, as do requests without the cookie.
/// </summary>
public static class CrossSiteCookieGuard
{
    public const string AllowedOriginsSetting = "Cors:AllowedOrigins";

    public static IApplicationBuilder UseCrossSiteCookieGuard(this IApplicationBuilder app)
    {
        var configured = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(AllowedOriginsSetting).Get<string[]>() ?? [];
        var allowed = configured.Select(OriginOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            if (RidesTheCookie(context.Request) && !ComesFrom(context.Request, allowed))
            {
                await RefuseAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static bool RidesTheCookie(HttpRequest request) =>
        request.Headers.Authorization.Count == 0 &&
        request.Cookies.ContainsKey(AuthCookieNames.AccessToken) &&
        (ChangesState(request) || IsWebSocketUpgrade(request) || IsHub(request) || request.Headers.Origin.Count > 0);

    private static bool IsHub(HttpRequest request) =>
        request.Path.Value?.Split('/').Contains("hubs", StringComparer.OrdinalIgnoreCase) == true;

    private static bool ChangesState(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);

    // HTTP/1.1 asks with Upgrade: websocket; HTTP/2 (RFC 8441) with CONNECT and the :protocol pseudo-header.
    private static bool IsWebSocketUpgrade(HttpRequest request) =>
        request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase) ||
        HttpMethods.IsConnect(request.Method);

    // Origin when the browser sent one; a browser that withholds it still sends the page's address as Referer.
    private static bool ComesFrom(HttpRequest request, HashSet<string> allowed)
    {
        var claimed = request.Headers.Origin.Count > 0 ? request.Headers.Origin.ToString() : request.Headers.Referer.ToString();
        return OriginOf(claimed) is { } origin && allowed.Contains(origin);
    }

    /// <summary>scheme://host:port of an absolute http(s) address; null for anything else (including the literal "null").</summary>
    private static string? OriginOf(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"{uri.Scheme}://{uri.Host}:{uri.Port}".ToLowerInvariant()
            : null;

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "A request signed in by cookie must come from one of the platform's own pages.",
                Detail = "Send an Origin (or Referer) of an allowed origin, or authenticate with an Authorization header.",
                Type = Problems.TypeBase + "cross-site-request",
            },
        });
    }
}
