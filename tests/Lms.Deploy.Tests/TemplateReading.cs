using System.Text.Json;

namespace Lms.Deploy.Tests;

/// <summary>Reading a CloudFormation template: resources by type, and what a property refers to.</summary>
public static class TemplateReading
{
    public static IEnumerable<(string Id, JsonElement Properties)> ResourcesOf(this JsonElement template, string type) =>
        template.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value.TryGetProperty("Properties", out var p) ? p : default));

    public static JsonElement Resource(this JsonElement template, string id) =>
        template.GetProperty("Resources").GetProperty(id);

    /// <summary>Every logical id a value refers to (Ref, Fn::GetAtt), however deep inside Fn::Join and friends.</summary>
    public static IEnumerable<string> References(this JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name == "Ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name == "Fn::GetAtt" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        yield return property.Value[0].GetString()!;
                    }
                    else
                    {
                        foreach (var reference in References(property.Value))
                        {
                            yield return reference;
                        }
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var reference in References(item))
                    {
                        yield return reference;
                    }
                }
                break;
        }
    }

    /// <summary>A property's value as a list of strings (a single string counts as one).</summary>
    public static IEnumerable<string> Strings(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };

    /// <summary>The policy statements attached to a role (inline AWS::IAM::Policy resources naming it).</summary>
    public static IEnumerable<JsonElement> StatementsOf(this JsonElement template, string roleId) =>
        template.ResourcesOf("AWS::IAM::Policy")
            .Where(p => p.Properties.GetProperty("Roles").References().Contains(roleId))
            .SelectMany(p => p.Properties.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray());
}
