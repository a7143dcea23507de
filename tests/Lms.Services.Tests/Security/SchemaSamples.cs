using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lms.Services.Tests.Security;

/// <summary>
/// Request bodies made from an operation's JSON schema: a plausible sample (every property with a value of its type),
/// and hostile variants of it, one property at a time, for the fuzzer.
/// </summary>
public static class SchemaSamples
{
    public static JsonElement? BodySchema(JsonElement document, JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? Resolve(document, schema)
            : null;

    public static JsonNode? Sample(JsonElement document, JsonElement schema, int depth = 0)
    {
        schema = Resolve(document, schema);
        if (depth > 4)
        {
            return null;
        }
        switch (TypeOf(schema))
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        obj[property.Name] = Sample(document, property.Value, depth + 1);
                    }
                }
                return obj;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(document, items, depth + 1)) : new JsonArray();
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            case "string":
                return (schema.TryGetProperty("format", out var format) ? format.GetString() : null) switch
                {
                    "uuid" => $"{Guid.CreateVersion7()}",
                    "date" => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    "date-time" => DateTimeOffset.UtcNow.AddDays(7).ToString("O"),
                    "email" => $"matrix.{Guid.NewGuid():N}@example.com"[..40],
                    _ => schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0 ? values[0].GetString() : "매트릭스 값",
                };
            default:
                return null;
        }
    }

    /// <summary>Hostile values of every kind the issue lists; each replaces one property of the sample in turn.</summary>
    public static IReadOnlyList<(string Kind, Func<JsonNode?> Value)> HostileValues { get; } =
    [
        ("null", () => null),
        ("wrong type: object", () => new JsonObject { ["x"] = 1 }),
        ("wrong type: array", () => new JsonArray(1, 2)),
        ("wrong type: string", () => "not-a-value"),
        ("wrong type: boolean", () => true),
        ("negative", () => -1),
        ("32-bit overflow", () => 2147483648L),
        ("64-bit overflow", () => JsonNode.Parse("9223372036854775808")),
        ("huge exponent", () => JsonNode.Parse("1e308")),
        ("huge string", () => new string('가', 100_000)),
        ("unicode edges", () => "\u0000\uFEFF\u202E🎓\uD7FF\uFFFD"),
        ("sql", () => "' OR 1=1; DROP TABLE users; --"),
        ("script", () => "<script>alert(1)</script>"),
        ("empty", () => ""),
        ("not a uuid", () => "00000000-0000-0000-0000-00000000000Z"),
        ("far date", () => "9999-12-31T23:59:59+14:00"),
    ];

    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var i = 0; i < 8 && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }
        // OpenAPI 3.1 types may be a list such as ["string", "null"]: the first non-null one.
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }
}
