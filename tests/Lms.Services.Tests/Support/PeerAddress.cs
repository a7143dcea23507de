using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Lms.Services.Tests.Support;

/// <summary>
/// The in-memory test server has no socket and so reports no peer address. This plays one: the address a test names in
/// <see cref="Header"/>, else <paramref name="fallback"/> (none: the address stays unknown, as without this filter).
/// </summary>
public sealed class PeerAddress(string? fallback = null) : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if ((context.Request.Headers[Header].FirstOrDefault() ?? fallback) is { } peer)
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
