using System.Net;
using System.Text.Json;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lms.ServiceDefaults.Health;

/// <summary>
/// <c>GET /health/status</c>: what an operator checks first, in one answer for <c>./lms status</c> — readiness, the
/// outbox's pending rows and the oldest one's age, dead letters, and the deliveries given up on in the last
/// <see cref="ConsumerFaults.Window"/>. Answered only to callers on this machine (the gateway never routes it, and in
/// AWS it is read from inside the task); it costs the readiness checks plus three small reads of the outbox tables.
/// </summary>
public static class OperatorStatus
{
    public const string Route = "/health/status";

    public static void MapOperatorStatus(this IEndpointRouteBuilder app) =>
        app.MapGet(Route, WriteAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task WriteAsync(HttpContext context, HealthCheckService health, ServiceInfo service, IServiceProvider services)
    {
        if (context.Connection.RemoteIpAddress is { } caller && !IPAddress.IsLoopback(caller))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var cancellationToken = context.RequestAborted;
        var ready = await health.CheckHealthAsync(c => c.Tags.Contains(HealthExtensions.ReadyTag), cancellationToken);
        object? outbox = null;
        string? outboxError = null;
        if (services.GetService<IOutboxBacklogMeter>() is { } meter)
        {
            try
            {
                var backlog = await meter.MeasureAsync(cancellationToken);
                outbox = new
                {
                    pending = backlog.Pending,
                    oldestPendingSeconds = (long)Math.Floor(backlog.OldestPendingAge.TotalSeconds),
                    deadLetters = backlog.DeadLetters,
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outboxError = ex.Message;
            }
        }

        var faults = services.GetService<ConsumerFaults>()?.Recent() ?? new Dictionary<string, int>();
        var body = new
        {
            service = service.Name,
            ready = ready.Status.ToString(),
            outbox,
            outboxError,
            consumerFaults = new { windowMinutes = (int)ConsumerFaults.Window.TotalMinutes, total = faults.Values.Sum(), byConsumer = faults },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), cancellationToken);
    }
}
