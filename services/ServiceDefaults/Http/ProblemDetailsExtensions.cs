using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Http;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error answers RFC 9457 problem details carrying the trace id, including the empty 4xx that
    /// routing and authentication produce and the malformed bodies that minimal APIs reject.
    /// </summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] =
                Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        // Malformed JSON and wrong types throw so the handler can say what was wrong, in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
