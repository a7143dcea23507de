using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Lms.Gateway.Security;

/// <summary>
/// Bodies over Kestrel's <c>MaxRequestBodySize</c> are a 413. Kestrel enforces the limit while the proxy
/// streams the body, and the proxy reports any failure to read it as a 400; so a declared length is
/// checked before forwarding, and a streamed body that overruns is reported as what it is.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseDeclaredBodySizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                throw new BadHttpRequestException($"The request body may be at most {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context);
        });

    public static void ReportOverrunBodies(this IReverseProxyApplicationBuilder proxy) =>
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (IsBodyTooLarge(error?.Exception) && !context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        });

    private static bool IsBodyTooLarge(Exception? exception) => exception switch
    {
        null => false,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        _ => IsBodyTooLarge(exception.InnerException),
    };
}
