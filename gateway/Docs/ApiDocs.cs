using Lms.Gateway.Routing;
using Scalar.AspNetCore;

namespace Lms.Gateway.Docs;

/// <summary><c>/docs</c>: one interactive page over every service's OpenAPI document, fetched through the gateway.</summary>
public static class ApiDocs
{
    public static void MapApiDocs(this WebApplication app, DownstreamServices services) =>
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("LMS platform API");
            foreach (var name in services.Addresses.Keys)
            {
                options.AddDocument(name, $"{name} service", $"/{name}/openapi/v1.json");
            }
        }).AllowAnonymous().DisableRateLimiting();
}
