using System.Text.Json.Serialization;
using System.Reflection;
using Lms.ServiceDefaults.Health;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.OpenApi;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Telemetry, health checks, JWT validation and role policies, problem details, OpenAPI and resilient
    /// HTTP clients — the same in every service. The database and the bus are added by
    /// <c>AddServiceDatabase</c> and <c>AddServiceBus</c> because their types belong to the service.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var service = ServiceInfo.For(serviceName, Assembly.GetEntryAssembly() ?? typeof(ServiceInfo).Assembly);
        builder.AddLocalPlatformDefaults();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.AddTelemetry(service);
        builder.AddRequestBodyLimit();
        builder.Services.AddServiceHealthChecks();
        builder.AddJwtAuthentication();
        builder.Services.AddApiProblemDetails();
        // Numbers are JSON numbers: "5" where a number is expected is a 400, and the documents say integer, not
        // integer-or-string (which generated clients would have to carry as a union).
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddServiceOpenApi(service);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }

    /// <summary>Middleware in the order every service needs, plus health and OpenAPI endpoints.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCrossSiteCookieGuard();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapServiceHealthChecks();
        app.MapOpenApi(app.Services.GetRequiredService<ServiceInfo>().OpenApiRoute).AllowAnonymous();
        return app;
    }

    /// <summary>The route group under the service's prefix (<c>/identity/v1</c>, …) with request validation.</summary>
    public static RouteGroupBuilder MapServiceApi(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<ServiceInfo>();
        return app.MapGroup(service.RoutePrefix)
            .AddEndpointFilterFactory(ValidationFilter.Create)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
