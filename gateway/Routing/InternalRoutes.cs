using Lms.ServiceDefaults.Http;

namespace Lms.Gateway.Routing;

/// <summary>
/// What the streaming server calls on the live service (nginx-rtmp's callbacks, the playback check) is served on the
/// live service's internal listener only; the gateway answers 404 for the whole <c>/live/v1/streams/</c> family instead
/// of proxying it, so neither a forged callback nor a probe reaches the service. AWS IVS's events are the exception: they
/// arrive from EventBridge through the load balancer (their own API key protects them), so that one path is proxied.
/// </summary>
public static class InternalRoutes
{
    public const string StreamsPrefix = "/live/v1/streams";

    public const string IvsEventsPath = StreamsPrefix + "/ivs-events";

    public static IEndpointRouteBuilder MapInternalRoutesAsNotFound(this IEndpointRouteBuilder app)
    {
        app.Map(StreamsPrefix + "/{**rest}", () => Problems.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
