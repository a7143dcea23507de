using System.Diagnostics;
using System.Text.Json;
using Lms.Gateway.Routing;

namespace Lms.Gateway.Health;

public sealed record ServiceHealth(string Status, int? HttpStatus, long ElapsedMs, JsonElement? Detail);

public sealed record PlatformHealth(string Status, IReadOnlyDictionary<string, ServiceHealth> Services);

/// <summary><c>GET /health</c>: each service's readiness, asked in parallel; 200 only when all are ready.</summary>
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
        var healthy = results.Values.All(r => r.Status == "Healthy");
        var body = new PlatformHealth(healthy ? "Healthy" : "Unhealthy", results);
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ServiceHealth> CheckOneAsync(HttpClient client, Uri address, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(new Uri(address, "/health/ready"), cancellationToken);
            var detail = await response.Content.ReadFromJsonAsync<JsonElement?>(cancellationToken);
            return new ServiceHealth(response.IsSuccessStatusCode ? "Healthy" : "Unhealthy", (int)response.StatusCode, watch.ElapsedMilliseconds, detail);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new ServiceHealth("Unreachable", null, watch.ElapsedMilliseconds, JsonSerializer.SerializeToElement(new { error = ex.Message }));
        }
    }
}
