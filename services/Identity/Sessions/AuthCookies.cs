using Lms.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Lms.Identity.Sessions;

/// <summary>
/// The browser's copy of the tokens: httpOnly, SameSite=Lax, on the configured parent domain. The refresh
/// cookie is sent only to the refresh route, and so is the browser's <see cref="RefreshClient"/> cookie beside it.
/// </summary>
public sealed class AuthCookies(IOptions<TokenIssuingOptions> options)
{
    public const string RefreshPath = "/identity/v1/token/refresh";

    public void Append(HttpResponse response, IssuedSession session)
    {
        response.Cookies.Append(AuthCookieNames.AccessToken, session.AccessToken,
            Options("/", DateTimeOffset.UtcNow.AddSeconds(session.ExpiresIn)));
        response.Cookies.Append(AuthCookieNames.RefreshToken, session.RefreshToken,
            Options(RefreshPath, session.RefreshExpiresAt));
        response.Cookies.Append(RefreshClient.CookieName, RefreshClient.BrowserValueFor(response.HttpContext.Request),
            Options(RefreshPath, session.RefreshExpiresAt));
    }

    public void Clear(HttpResponse response)
    {
        response.Cookies.Delete(AuthCookieNames.AccessToken, Options("/", null));
        response.Cookies.Delete(AuthCookieNames.RefreshToken, Options(RefreshPath, null));
        response.Cookies.Delete(RefreshClient.CookieName, Options(RefreshPath, null));
    }

    private CookieOptions Options(string path, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = options.Value.Cookies.Secure,
        SameSite = SameSiteMode.Lax,
        Domain = options.Value.Cookies.Domain,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}
