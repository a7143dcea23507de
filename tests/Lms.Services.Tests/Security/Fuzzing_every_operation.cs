using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lms.ServiceDefaults.OpenApi;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.OpenApi;
using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Security;

/// <summary>
/// Generated from the OpenAPI documents: every operation that takes a JSON body gets its plausible sample with one
/// property at a time replaced by a hostile value (wrong types, overflowing and negative numbers, huge and Unicode-edge
/// strings, SQL and script payloads), and bodies that are not what they claim (duplicate keys, not JSON, nested deep),
/// sent by the organisation that owns the resources in the path so the requests reach the handlers. No answer may be a
/// 5xx, and when every variant of an operation was refused its service's tables hold exactly the rows they held before.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Fuzzing_every_operation(Platform platform)
{
    private static readonly (string Kind, string Json)[] RawBodies =
    [
        ("duplicate keys", """{"title":"하나","title":"둘","stars":5,"stars":-5}"""),
        ("not JSON", "{title: 'x',"),
        ("an array", "[1,2,3]"),
        ("a string", "\"text\""),
        ("deeply nested", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)),
        ("empty", ""),
    ];

    [Fact]
    public async Task Hostile_bodies_never_answer_5xx_and_refused_ones_change_nothing()
    {
        var world = await MatrixWorld.CreateAsync(platform);
        // Let the world's own events settle, so the row counts below move only by what the requests do.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var documents = await ServiceDocuments.FetchAsync(platform);
        var failures = new List<string>();
        var sent = 0;

        foreach (var (service, document) in documents)
        {
            var host = platform.All.Single(h => h.Name == service);
            foreach (var (_, name, operation) in ServiceDocuments.Operations([(service, document)]))
            {
                if (SchemaSamples.BodySchema(document, operation) is not { } schema)
                {
                    continue;
                }
                var method = new HttpMethod(name.Split(' ')[0]);
                var (path, _) = world.Fill(service, name.Split(' ')[1], operation);
                var token = TokenFor(world, service, operation);
                var sample = SchemaSamples.Sample(document, schema) as JsonObject ?? [];

                var before = await host.CountRowsAsync();
                var allRefused = true;
                foreach (var (kind, json) in Variants(sample))
                {
                    var status = (int)(await SendAsync(host.Client, method, path, token, json)).StatusCode;
                    sent++;
                    allRefused &= status is >= 400 and < 500;
                    if (status >= 500)
                    {
                        failures.Add($"{service} {name} with {kind}: {status}");
                    }
                }

                if (allRefused)
                {
                    var after = await host.CountRowsAsync();
                    foreach (var (table, rows) in after.Where(t => !Bookkeeping(t.Key) && before.GetValueOrDefault(t.Key) != t.Value))
                    {
                        failures.Add($"{service} {name}: every variant was refused, yet {table} went from {before.GetValueOrDefault(table)} to {rows} rows");
                    }
                }
            }
        }

        Assert.True(sent > 500, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests:\n{string.Join('\n', failures)}");
    }

    private static IEnumerable<(string Kind, string Json)> Variants(JsonObject sample)
    {
        foreach (var property in sample.Select(p => p.Key).ToList())
        {
            foreach (var (kind, value) in SchemaSamples.HostileValues)
            {
                var variant = (JsonObject)sample.DeepClone();
                variant[property] = value();
                yield return ($"{property} = {kind}", variant.ToJsonString());
            }
        }
        foreach (var raw in RawBodies)
        {
            yield return raw;
        }
    }

    /// <summary>The world's own caller of a role the operation admits, else any admitted role, else none (public).</summary>
    private static string? TokenFor(MatrixWorld world, string service, JsonElement operation)
    {
        if (operation.GetProperty("security").GetArrayLength() == 0)
        {
            return null;
        }
        var admitted = operation.TryGetProperty(OperationRoles.Extension, out var roles)
            ? roles.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [.. Roles.All];
        foreach (var role in admitted)
        {
            if (world.Owner(service, role) is { Token: { } own })
            {
                return own;
            }
        }
        return TestTokens.Mint(Guid.CreateVersion7(), [admitted[0]], null, null);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? token, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The messaging tables move with any service's traffic, not with what one request did.</summary>
    private static bool Bookkeeping(string table) => table is "inbox" or "outbox_messages" or "__EFMigrationsHistory" or "outbox_dead_letters";
}
