using System.Text.Json.Nodes;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.OpenApi;

namespace Lms.ServiceDefaults.OpenApi;

/// <summary>
/// The roles an operation admits, read from its endpoint's authorization metadata and published as <c>x-lms-roles</c>,
/// so clients (and the generated authorization matrix) know them without reading the code. A handler may still narrow
/// the answer further by organisation (another organisation's data is a 404) — that is not a role and is not listed.
/// </summary>
public static class OperationRoles
{
    public const string Extension = "x-lms-roles";

    /// <summary>The admitted roles; every role when the operation asks only for a signed-in user.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<object> metadata)
    {
        // Each named policy or roles attribute and each inline policy's roles requirement must all hold: intersect.
        IEnumerable<string> admitted = Roles.All;
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            if (!string.IsNullOrEmpty(data.Policy) && Roles.All.Contains(data.Policy))
            {
                admitted = admitted.Intersect([data.Policy]);
            }
            if (!string.IsNullOrEmpty(data.Roles))
            {
                admitted = admitted.Intersect(data.Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
        }
        foreach (var requirement in metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>())
        {
            admitted = admitted.Intersect(requirement.AllowedRoles);
        }
        return [.. admitted];
    }

    public static void Describe(OpenApiOperation operation, IReadOnlyList<string> roles)
    {
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        operation.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => (JsonNode)JsonValue.Create(r))]));
    }
}
