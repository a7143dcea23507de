using System.Globalization;
using System.Threading.RateLimiting;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;
using Yarp.ReverseProxy.Model;

namespace Lms.Gateway.Security;

public sealed class RateLimitOptions
{
    /// <summary>Requests per client address per minute on each route of the sign-in family: sign-in, sign-up, confirmation and password recovery.</summary>
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
                $"{ClientAddress.Of(context)} {context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId ?? context.Request.Path}",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.StrictPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));

            options.GlobalLimiter = GlobalLimiter(limits);
        });
        return services;
    }

    /// <summary>
    /// The everyday limit, per person rather than per office: employees of one company share one public address, so
    /// a request whose token validated at the edge is counted against its user (<c>sub</c>), and only anonymous
    /// requests against their address.
    /// </summary>
    public static PartitionedRateLimiter<HttpContext> GlobalLimiter(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));

    public static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(Lms.ServiceDefaults.Security.LmsClaims.Subject)?.Value is { Length: > 0 } sub
            ? $"user {sub}"
            : $"address {ClientAddress.Of(context)}";

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
