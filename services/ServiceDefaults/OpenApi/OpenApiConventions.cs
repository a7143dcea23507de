using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Lms.ServiceDefaults.OpenApi;

/// <summary>
/// What every service's OpenAPI document says the same way, so clients and generators can trust it: the gateway as
/// the server, bearer security on every operation that needs a token (and explicitly none on public ones), a stable
/// <c>operationId</c>, and the problem responses that the platform's shared behaviour produces for every operation.
/// Responses particular to one endpoint (a 409 on a state conflict, a 503) are declared on that endpoint.
/// </summary>
public static class OpenApiConventions
{
    public const string BearerScheme = "bearer";

    /// <summary>The public address of the gateway (e.g. <c>https://api.lms.example</c>); "/" when not set.</summary>
    public const string PublicBaseUrlKey = "OpenApi:PublicBaseUrl";

    public static IServiceCollection AddServiceOpenApi(this IServiceCollection services, ServiceInfo service) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = $"LMS {service.Name} API";
                document.Info.Version = service.Version;
                document.Servers = [GatewayServer(context.ApplicationServices.GetRequiredService<IConfiguration>())];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes[BearerScheme] = BearerSecurity();
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeOperationAsync);
        });

    /// <summary>
    /// Paths already carry the service prefix, so the gateway's root is the server; a server named by its loopback
    /// address (the default) would send generated clients past the gateway's authentication and limits.
    /// </summary>
    private static OpenApiServer GatewayServer(IConfiguration configuration)
    {
        var configured = configuration[PublicBaseUrlKey]?.Trim().TrimEnd('/');
        return new OpenApiServer
        {
            Url = string.IsNullOrEmpty(configured) ? "/" : configured,
            Description = "The gateway: every service's routes under its own prefix",
        };
    }

    /// <summary>
    /// Query parameters bound from a record (<c>[AsParameters]</c>) are published under their C# names (<c>Page</c>);
    /// binding ignores case, and docs/API.md and every client use camelCase (<c>?page=</c>), so the documents do too.
    /// </summary>
    private static void CamelCaseQueryParameters(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name && char.IsUpper(name[0]))
            {
                parameter.Name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }
    }

    private static OpenApiSecurityScheme BearerSecurity() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description = "The access token from POST /identity/v1/signin or /identity/v1/token/refresh. "
            + "Browsers may rely on the lms_access cookie set at sign-in instead.",
    };

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var route = description.RelativePath ?? string.Empty;

        operation.OperationId ??= OperationIds.FromRoute(description.HttpMethod ?? "GET", route);
        CamelCaseQueryParameters(operation);
        operation.Responses ??= [];

        foreach (var (status, text) in SuccessInference.RedirectsOf(metadata))
        {
            operation.Responses.TryAdd(status, new OpenApiResponse { Description = text });
        }

        var problem = await ProblemSchemaAsync(context, cancellationToken);
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (secured)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            AddProblem(operation, StatusCodes.Status401Unauthorized, "No access token, or one that is expired or invalid.", problem);
            var roles = OperationRoles.Of(metadata);
            OperationRoles.Describe(operation, roles);
            if (roles.Count < Security.Roles.All.Count)
            {
                AddProblem(operation, StatusCodes.Status403Forbidden, "The token is valid but its role does not allow this.", problem);
            }
        }
        else
        {
            // An explicit empty list: this operation needs no token (as opposed to "not documented").
            operation.Security = [];
        }

        if (route.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(operation, StatusCodes.Status404NotFound,
                "Nothing with this id, or it belongs to another organisation (which is not revealed).", problem);
        }

        // Route groups made with MapServiceApi declare it already; this covers any other input an operation reads.
        if (operation.RequestBody is not null || operation.Parameters is { Count: > 0 })
        {
            AddProblem(operation, StatusCodes.Status400BadRequest,
                "The request could not be read, or a field is invalid (errors names each one).", problem);
        }

        if (operation.RequestBody is not null)
        {
            AddProblem(operation, StatusCodes.Status413PayloadTooLarge, "The request body is larger than allowed.", problem);
            AddProblem(operation, StatusCodes.Status415UnsupportedMediaType, "The request body is not JSON.", problem);
        }

        if (metadata.OfType<CsvDownloadMetadata>().Any())
        {
            AddCsvContent(operation);
        }

        AddProblem(operation, StatusCodes.Status429TooManyRequests,
            "Too many requests from this client; retry after the Retry-After header's seconds.", problem);

        // Problem responses declared without a body (or by the framework's defaults) get the problem details schema.
        foreach (var (status, response) in operation.Responses)
        {
            if (IsProblemStatus(status) && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                bare.Content = ProblemContent(problem);
            }
        }
    }

    /// <summary>A table that also downloads as CSV: the 200 keeps its JSON schema and lists <c>text/csv</c> beside it.</summary>
    private static void AddCsvContent(OpenApiOperation operation)
    {
        var ok = StatusCodes.Status200OK.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(ok, out var found) && found is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            response.Content.TryAdd("text/csv", new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
            response.Description = "OK; with ?format=csv, the same table as a CSV download (UTF-8 with BOM, Korean headers).";
        }
    }

    private static bool IsProblemStatus(string status) =>
        int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code) && code >= 400;

    private static void AddProblem(OpenApiOperation operation, int status, string text, IOpenApiSchema problem) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new OpenApiResponse { Description = text, Content = ProblemContent(problem) });

    private static Dictionary<string, OpenApiMediaType> ProblemContent(IOpenApiSchema problem) =>
        new(StringComparer.Ordinal) { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } };

    /// <summary>The <c>ProblemDetails</c> component, registered once per document and referenced everywhere.</summary>
    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string name = nameof(ProblemDetails);
        var document = context.Document;
        if (document is null)
        {
            return await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }

        if (document.Components?.Schemas?.ContainsKey(name) != true)
        {
            document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        return new OpenApiSchemaReference(name, document);
    }
}
