using System.Net;
using Lms.Gateway.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Tests.Gateway;

/// <summary>
/// The gateway as it runs (its own Program: routes, limits and middleware in their order) in memory, with small strict
/// limits and no service behind it: a request the limits let through is forwarded and answered 502, one they stop is 429.
/// The caller's address is the one a test names in <see cref="PeerHeader"/> (the in-memory server has no socket).
/// </summary>
public sealed class GatewayWithSmallLimits : WebApplicationFactory<DownstreamServices>
{
    public const int PerAddress = 3;
    public const int PerAccount = 2;
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("RateLimits:StrictPermitsPerMinute", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:StrictPermitsPerAccountPerMinute", PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var service in DownstreamServices.Names)
        {
            // Port 9 (discard) is closed on loopback: nothing is behind the gateway.
            builder.UseSetting($"Services:{service}", "http://127.0.0.1:9");
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].Single()!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
