using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Yarp.ReverseProxy.Model;

namespace Lms.Gateway.Security;

public sealed class RateLimitOptions
{
    /// <summary>Requests per client address per minute on sign-in, sign-up and confirmation.</summary>
    public int StrictPermitsPerMinute { get; set; } = 10;

    /// <summary>Requests per client address per second, sustained, on everything else.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    public int Burst { get; set; } = 200;

    /// <summary>Requests per account (login or email in the body) per minute on the same routes, from any address.</summary>
    public int StrictPermitsPerAccountPerMinute { get; set; } = 5;
}

public static class RateLimiting
{
    public const string StrictPolicy = "strict";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejection;

            // Counted per address and per route (the route, not the path: every guessed verification code is another
            // path), so a burst of sign-ins does not lock that address out of sign-up.
            options.AddPolicy(StrictPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                $"{ClientAddress(context)} {context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId ?? context.Request.Path}",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.StrictPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));

            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(ClientAddress(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    // Behind the load balancer, forwarded headers middleware has already put the client's address here.
    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask WriteRejection(OnRejectedContext rejected, CancellationToken cancellationToken) =>
        await WriteTooManyRequestsAsync(rejected.HttpContext,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);

    public static async Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests. Try again later.",
                Type = "https://lms.example/problems/rate-limited",
            },
        });
    }
}
