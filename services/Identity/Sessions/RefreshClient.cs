using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Lms.ServiceDefaults.Http;

namespace Lms.Identity.Sessions;

/// <summary>
/// Who presents a refresh token, as far as the reuse grace cares: the same client may have a spent token's successor
/// again (two tabs refreshing at once), anyone else revokes the family. A browser is known by a random value in its own
/// httpOnly cookie (<see cref="CookieName"/>, set beside the session cookies and sent only to the refresh route), which
/// script cannot read and a token taken from a response body or a log does not carry. A client that keeps no cookies
/// (an app calling the API) is known by its address, an IPv6 client by its /64, as the sign-in guard counts it.
/// </summary>
/// <remarks>
/// Only a SHA-256 of either is stored, on the spent token. Two API clients behind one NAT address count as one client
/// within those ten seconds; a thief who has the browser's whole cookie jar is that browser, which no binding helps.
/// </remarks>
public static class RefreshClient
{
    public const string CookieName = "lms_client";

    /// <summary>The client of this request, as stored in <see cref="RefreshToken.SpentBy"/>.</summary>
    public static string Of(HttpContext context) =>
        Hash(BrowserOf(context.Request) is { } browser ? $"browser {browser}" : $"address {ClientAddress.Of(context)}");

    /// <summary>The browser's value when it sent one, else a new one to set (it then names this browser from now on).</summary>
    public static string BrowserValueFor(HttpRequest request) => BrowserOf(request) ?? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string? BrowserOf(HttpRequest request) =>
        request.Cookies[CookieName] is { Length: > 0 and <= 128 } value ? value : null;

    private static string Hash(string client) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(client)));
}
