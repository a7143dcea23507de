using Lms.Gateway.Security;
using Yarp.ReverseProxy.Configuration;

namespace Lms.Gateway.Routing;

/// <summary>
/// One route per service prefix (<c>/identity/…</c> → identity), so a path is the same directly and through
/// the gateway, plus the routes that guess at secrets (the sign-in family, certificate verification) under the strict
/// rate limit.
/// </summary>
public static class ProxyRoutes
{
    private static readonly (string Service, string Path)[] StrictPaths =
    [
        ("identity", "/identity/v1/signin"),
        ("identity", "/identity/v1/signup"),
        ("identity", "/identity/v1/confirm"),
        ("identity", "/identity/v1/confirm/resend"),
        ("identity", "/identity/v1/password/forgot"),
        ("identity", "/identity/v1/password/reset"),
        ("student", "/student/v1/certificates/verify/{code}"),
    ];

    public static IReverseProxyBuilder AddServiceRoutes(this IReverseProxyBuilder proxy, DownstreamServices services)
    {
        var routes = new List<RouteConfig>();
        foreach (var name in services.Addresses.Keys)
        {
            routes.Add(new RouteConfig
            {
                RouteId = name,
                ClusterId = name,
                Match = new RouteMatch { Path = $"/{name}/{{**rest}}" },
            });
        }

        routes.AddRange(StrictPaths.Where(strict => services.Addresses.ContainsKey(strict.Service)).Select(strict => new RouteConfig
        {
            RouteId = $"strict{strict.Path.Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}",
            ClusterId = strict.Service,
            Order = -1,
            RateLimiterPolicy = RateLimiting.StrictPolicy,
            Match = new RouteMatch { Path = strict.Path },
        }));

        if (services.Addresses.ContainsKey("live"))
        {
            // Ahead of the 404 the gateway answers for the rest of /live/v1/streams (InternalRoutes).
            routes.Add(new RouteConfig
            {
                RouteId = "live-ivs-events", ClusterId = "live", Order = -1, Match = new RouteMatch { Path = InternalRoutes.IvsEventsPath },
            });
        }

        var clusters = services.Addresses.Select(pair => new ClusterConfig
        {
            ClusterId = pair.Key,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["primary"] = new() { Address = pair.Value.ToString() },
            },
        }).ToList();

        return proxy.LoadFromMemory(routes, clusters);
    }
}
