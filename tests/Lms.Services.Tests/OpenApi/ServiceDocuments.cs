using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.OpenApi;

/// <summary>Every service's OpenAPI document, as its in-process host serves it at <c>/{service}/openapi/v1.json</c>.</summary>
public static class ServiceDocuments
{
    public static async Task<IReadOnlyList<(string Service, JsonElement Document)>> FetchAsync(Platform platform)
    {
        var documents = new List<(string, JsonElement)>();
        foreach (var host in platform.All)
        {
            documents.Add((host.Name, await host.Client.GetFromJsonAsync<JsonElement>($"/{host.Name}/openapi/v1.json")));
        }
        return documents;
    }

    /// <summary>(service, "METHOD path", operation) for every operation of every document.</summary>
    public static IEnumerable<(string Service, string Name, JsonElement Operation)> Operations(
        IEnumerable<(string Service, JsonElement Document)> documents)
    {
        foreach (var (service, document) in documents)
        {
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
                {
                    yield return (service, $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);
                }
            }
        }
    }

    private static readonly HashSet<string> HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
}
