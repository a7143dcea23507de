using System.Diagnostics;
using System.Text.Json;
using Lms.Gateway.Routing;

namespace Lms.Gateway.Health;

public sealed record ServiceHealth(string Status, int? HttpStatus, long ElapsedMs, JsonElement? Detail);

public sealed record PlatformHealth(string Status, IReadOnlyDictionary<string, ServiceHealth> Services);

/// <summary>
/// <c>GET /health</c>: each service's readiness, asked in parallel. The platform is as healthy as its least healthy
/// service: Unhealthy (503) when any is unhealthy or unreachable, Degraded (200: it still serves, but something such
/// as the broker is away) when any reports Degraded, Healthy otherwise.
/// </summary>
public static class AggregatedHealth
{
    public const string HttpClientName = "health";

    public static void MapAggregatedHealth(this WebApplication app) =>
        app.MapGet("/health", CheckAsync)
            .AllowAnonymous()
            .DisableRateLimiting()
            .WithSummary("Readiness of every service behind the gateway")
            .WithTags("Health");

    private static async Task<IResult> CheckAsync(DownstreamServices services, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        var checks = services.Addresses.Select(async pair => (pair.Key, Health: await CheckOneAsync(client, pair.Value, cancellationToken)));
        var results = (await Task.WhenAll(checks)).ToDictionary(r => r.Key, r => r.Health);
        var status = Overall(results.Values.Select(r => r.Status));
        var body = new PlatformHealth(status, results);
        return Results.Json(body, statusCode: status == "Unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    public static string Overall(IEnumerable<string> statuses)
    {
        var all = statuses.ToList();
        return all.Any(s => s is not ("Healthy" or "Degraded")) ? "Unhealthy" : all.Contains("Degraded") ? "Degraded" : "Healthy";
    }

    private static async Task<ServiceHealth> CheckOneAsync(HttpClient client, Uri address, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(new Uri(address, "/health/ready"), cancellationToken);
            var detail = await response.Content.ReadFromJsonAsync<JsonElement?>(cancellationToken);
            // A ready service answers 200 whether Healthy or Degraded; its own word says which.
            var reported = detail is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("status", out var word) && word.ValueKind == JsonValueKind.String
                ? word.GetString()!
                : "Healthy";
            return new ServiceHealth(response.IsSuccessStatusCode ? reported : "Unhealthy", (int)response.StatusCode, watch.ElapsedMilliseconds, detail);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new ServiceHealth("Unreachable", null, watch.ElapsedMilliseconds, JsonSerializer.SerializeToElement(new { error = ex.Message }));
        }
    }
}
