using System.Text.Json;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.OpenApi;

/// <summary>What a client reads from each operation: how to authenticate, what to call it, and what it may answer.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Describing_every_operation(Platform platform)
{
    [Fact]
    public async Task Every_document_names_the_gateway_as_its_server_not_the_service_address()
    {
        foreach (var (service, document) in await ServiceDocuments.FetchAsync(platform))
        {
            var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
            Assert.True(servers is ["/"], $"{service}: servers {string.Join(", ", servers)}");
        }
    }

    [Fact]
    public async Task Query_parameters_are_camelCase_and_numbers_are_numbers_for_generated_clients()
    {
        foreach (var (service, document) in await ServiceDocuments.FetchAsync(platform))
        {
            foreach (var (name, operation) in document.GetProperty("paths").EnumerateObject()
                         .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name} {path.Name}", op.Value))))
            {
                foreach (var parameter in operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : default)
                {
                    var parameterName = parameter.GetProperty("name").GetString()!;
                    Assert.False(char.IsUpper(parameterName[0]), $"{service} {name}: parameter {parameterName}");
                }
            }
            Assert.Empty(NumbersOrStrings(document, service));
        }
    }

    // Every "type": [...] naming both a number type and "string", with where it stands.
    private static IEnumerable<string> NumbersOrStrings(JsonElement element, string at)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "type" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    var types = property.Value.EnumerateArray().Select(t => t.GetString()).ToList();
                    if (types.Contains("string") && (types.Contains("integer") || types.Contains("number")))
                    {
                        yield return at;
                    }
                }
                foreach (var found in NumbersOrStrings(property.Value, $"{at}/{property.Name}"))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var found in element.EnumerateArray().SelectMany((item, i) => NumbersOrStrings(item, $"{at}/{i}")))
            {
                yield return found;
            }
        }
    }

    [Fact]
    public async Task Every_operation_declares_bearer_security_or_explicitly_none()
    {
        var documents = await ServiceDocuments.FetchAsync(platform);
        foreach (var (service, name, operation) in ServiceDocuments.Operations(documents))
        {
            Assert.True(operation.TryGetProperty("security", out var security), $"{service} {name} declares no security");
            var schemes = security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList();
            Assert.True(schemes is [] or ["bearer"], $"{service} {name}: security {security}");
            Assert.Equal(schemes is ["bearer"], Responds(operation, "401"));
        }

        foreach (var (_, document) in documents)
        {
            var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
            Assert.Equal("http", bearer.GetProperty("type").GetString());
            Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        }
    }

    [Fact]
    public async Task Public_operations_need_no_token_and_role_guarded_ones_list_401_and_403()
    {
        var documents = await ServiceDocuments.FetchAsync(platform);

        var signUp = Operation(documents, "identity", "POST /identity/v1/signup");
        Assert.Equal(0, signUp.GetProperty("security").GetArrayLength());
        Assert.False(Responds(signUp, "401"));

        var request = Operation(documents, "company", "POST /company/v1/course-provides");
        Assert.Equal("bearer", request.GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.True(Responds(request, "401") && Responds(request, "403"));
        Assert.Equal("#/components/schemas/ProblemDetails",
            request.GetProperty("responses").GetProperty("403").GetProperty("content").GetProperty("application/problem+json")
                .GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Every_operation_has_an_operationId_unique_in_its_document_and_derived_from_its_route()
    {
        var documents = await ServiceDocuments.FetchAsync(platform);
        foreach (var (service, document) in documents)
        {
            var ids = ServiceDocuments.Operations([(service, document)])
                .Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null)
                .ToList();
            Assert.DoesNotContain(null, ids);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }

        Assert.Equal("postCourseProvidesByIdCancel",
            Operation(documents, "company", "POST /company/v1/course-provides/{id}/cancel").GetProperty("operationId").GetString());
        Assert.Equal("getWellKnownJwksJson",
            Operation(documents, "identity", "GET /identity/v1/.well-known/jwks.json").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task Every_operation_lists_a_success_answer_and_the_problems_it_can_answer()
    {
        var documents = await ServiceDocuments.FetchAsync(platform);
        foreach (var (service, name, operation) in ServiceDocuments.Operations(documents))
        {
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.True(statuses.Any(s => s[0] is '2' or '3'), $"{service} {name} lists no success: {string.Join(", ", statuses)}");
            Assert.Contains("400", statuses);
            Assert.Contains("429", statuses);
            if (name.Contains('{', StringComparison.Ordinal))
            {
                Assert.Contains("404", statuses);
            }

            foreach (var problem in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.True(problem.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
                    $"{service} {name} {problem.Name} has no problem details body");
            }
        }
    }

    [Fact]
    public async Task A_redirecting_endpoint_lists_its_302()
    {
        var documents = await ServiceDocuments.FetchAsync(platform);

        Assert.True(Responds(Operation(documents, "identity", "GET /identity/v1/external/{provider}"), "302"));
    }

    private static bool Responds(JsonElement operation, string status) =>
        operation.GetProperty("responses").TryGetProperty(status, out _);

    private static JsonElement Operation(IEnumerable<(string Service, JsonElement Document)> documents, string service, string name) =>
        ServiceDocuments.Operations(documents).Single(o => o.Service == service && o.Name == name).Operation;
}
