using Lms.Gateway.Security;
using Yarp.ReverseProxy.Configuration;

namespace Lms.Gateway.Routing;

/// <summary>
/// One route per service prefix (<c>/identity/…</c> → identity), so a path is the same directly and through
/// the gateway, plus the sign-in family of identity routes under the strict rate limit.
/// </summary>
public static class ProxyRoutes
{
    private static readonly string[] StrictIdentityPaths =
        ["/identity/v1/signin", "/identity/v1/signup", "/identity/v1/confirm", "/identity/v1/confirm/resend"];

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

        routes.AddRange(StrictIdentityPaths.Select(path => new RouteConfig
        {
            RouteId = $"identity-strict{path.Replace('/', '-')}",
            ClusterId = "identity",
            Order = -1,
            RateLimiterPolicy = RateLimiting.StrictPolicy,
            Match = new RouteMatch { Path = path },
        }));

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
