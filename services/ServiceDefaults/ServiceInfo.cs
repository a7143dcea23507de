using System.Reflection;

namespace Lms.ServiceDefaults;

/// <summary>Who this process is: the name used for telemetry, queues, routes and the OpenAPI document.</summary>
public sealed record ServiceInfo(string Name, string Version)
{
    /// <summary>Every route of a service lives under this prefix, directly and through the gateway.</summary>
    public string RoutePrefix => $"/{Name}/v1";

    public string OpenApiRoute => $"/{Name}/openapi/{{documentName}}.json";

    public static ServiceInfo For(string name, Assembly assembly) =>
        new(name, assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                  ?? assembly.GetName().Version?.ToString()
                  ?? "0.0.0");
}
