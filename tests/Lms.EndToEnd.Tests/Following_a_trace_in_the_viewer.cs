using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Testing;

namespace Lms.EndToEnd.Tests;

/// <summary>
/// The trace viewer <c>./lms up</c> starts (the standalone Aspire dashboard) receives every service's spans: one sign-up
/// through the gateway is one trace there, from the gateway's request through identity's outbox and the broker into
/// each service's consumer, found by its trace id through the viewer's own API.
/// </summary>
public sealed class Following_a_trace_in_the_viewer
{
    private const int ServerSpan = 2;
    private const int ConsumerSpan = 5;

    private static readonly Uri Viewer = new(Environment.GetEnvironmentVariable("LMS_VIEWER")
        ?? throw new InvalidOperationException("LMS_VIEWER is not set: run the end-to-end tests with `./lms test`."));

    [Fact]
    public async Task One_sign_up_is_one_trace_from_the_gateway_through_identity_and_the_bus_into_every_consumer()
    {
        var trace = ActivityTraceId.CreateRandom();

        var userId = await RunningPlatform.SignUpAsync(RunningPlatform.NewSignUp(), trace);

        await Eventually.TrueAsync(() => RunningPlatform.UserNameInAsync("board", userId).ContinueWith(t => t.Result is not null),
            TimeSpan.FromSeconds(30), "the last projection is written");
        // Spans leave each service in batches every second (scripts/services.sh), the consumer's just after it commits.
        var spans = await Eventually.GetAsync(() => SpansAsync(trace), found =>
                found.Any(s => s.Service == "gateway") && found.Any(s => s.Service == "identity") &&
                RunningPlatform.ServicesWithUsers.All(service => found.Any(s => s.Service == service && s.Kind == ConsumerSpan)),
            TimeSpan.FromSeconds(30), $"the viewer holds trace {trace} from the gateway into every consumer");

        Assert.Contains(spans, s => s.Service == "gateway" && s.Kind == ServerSpan);
        Assert.Contains(spans, s => s.Service == "identity" && s.Kind == ServerSpan);
        Assert.Contains(spans, s => s.Service == "identity" && s.Name.StartsWith("outbox publish", StringComparison.Ordinal));
        Assert.All(spans, s => Assert.Equal(trace.ToString(), s.TraceId));
    }

    private sealed record Span(string Service, string TraceId, string Name, int Kind);

    /// <summary>The trace's spans as the viewer holds them (OTLP JSON: resource spans, each with its service.name).</summary>
    private static async Task<IReadOnlyList<Span>> SpansAsync(ActivityTraceId trace)
    {
        using var client = new HttpClient { BaseAddress = Viewer, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync($"/api/telemetry/traces/{trace}");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var spans = new List<Span>();
        foreach (var resource in body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
                .SingleOrDefault() ?? "";
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new Span(service, span.GetProperty("traceId").GetString()!, span.GetProperty("name").GetString()!,
                        span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0));
                }
            }
        }
        return spans;
    }
}
