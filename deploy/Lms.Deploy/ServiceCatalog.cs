using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lms.Deploy;

/// <summary>One deployable: a service (or the gateway) as <c>deploy/services.json</c> describes it.</summary>
public sealed record ServiceSpec(
    string Name,
    string Dir,
    string Assembly,
    string Runtime,
    string Web,
    bool Database,
    bool Bucket,
    bool Redis,
    bool Ivs,
    bool Mail,
    IReadOnlyList<string> Calls)
{
    public const int Port = 8080;

    public bool IsGateway => Name == ServiceCatalog.GatewayName;

    /// <summary>The service's own database and the user that owns it, as <c>./lms</c> names them locally.</summary>
    public string DatabaseName => $"lms_{Name}";
}

/// <summary>The seven services and the gateway, read from <c>deploy/services.json</c> (embedded in this assembly).</summary>
public static class ServiceCatalog
{
    public const string GatewayName = "gateway";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ServiceSpec> All { get; } = Load();

    public static IEnumerable<ServiceSpec> Services => All.Where(s => !s.IsGateway);

    public static ServiceSpec Gateway => All.Single(s => s.IsGateway);

    private static List<ServiceSpec> Load()
    {
        using var stream = typeof(ServiceCatalog).Assembly.GetManifestResourceStream("services.json")
            ?? throw new InvalidOperationException("services.json is not embedded in " + typeof(ServiceCatalog).Assembly.GetName().Name);
        var file = JsonSerializer.Deserialize<CatalogFile>(stream, Json)
            ?? throw new InvalidOperationException("services.json is empty");
        return file.Services;
    }

    private sealed record CatalogFile([property: JsonPropertyName("services")] List<ServiceSpec> Services);
}
