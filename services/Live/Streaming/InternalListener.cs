using Lms.ServiceDefaults.Http;

namespace Lms.Live.Streaming;

/// <summary>
/// The live service's second listener (<c>Live:InternalUrl</c>, e.g. <c>http://127.0.0.1:5116</c>): only the streaming
/// server calls it (nginx-rtmp's callbacks, nginx's playback check). It is bound to loopback locally and to the private
/// network elsewhere, never published, and the gateway proxies only the public listener, so a request for these routes
/// that arrives on the public port (through the gateway's <c>/live/**</c> route or directly) finds nothing: 404.
/// </summary>
public static class InternalListener
{
    public const string Setting = "Live:InternalUrl";

    /// <summary>Adds the internal address to the ones Kestrel listens on (ASPNETCORE_URLS keeps the public one).</summary>
    public static WebApplicationBuilder AddInternalListener(this WebApplicationBuilder builder)
    {
        var url = builder.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(url))
        {
            return builder;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port <= 0)
        {
            throw new InvalidOperationException($"{Setting} must be an absolute http:// address with a port, like http://127.0.0.1:5116.");
        }
        builder.WebHost.UseUrls($"{PublicUrls(builder.Configuration)};{url}");
        return builder;
    }

    // What Kestrel would have bound without us: ASPNETCORE_URLS, else ASPNETCORE_HTTP_PORTS (the container images), else
    // its default.
    private static string PublicUrls(ConfigurationManager configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return urls;
        }
        return configuration["http_ports"] is { Length: > 0 } ports
            ? string.Join(';', ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"http://*:{port}"))
            : "http://localhost:5000";
    }

    /// <summary>The internal listener's port, or null when none is configured (then the internal routes answer 404 everywhere).</summary>
    public static int? Port(IConfiguration configuration) =>
        Uri.TryCreate(configuration[Setting], UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.Port : null;

    /// <summary>Routes of the group answer only on the internal listener; on any other port they do not exist.</summary>
    public static RouteGroupBuilder InternalOnly(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var port = Port(http.RequestServices.GetRequiredService<IConfiguration>());
            return port is { } internalPort && http.Connection.LocalPort == internalPort
                ? await next(context)
                : Problems.NotFound("Not found.");
        });
        return group;
    }
}
