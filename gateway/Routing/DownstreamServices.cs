namespace Lms.Gateway.Routing;

/// <summary>The services behind the gateway, from the <c>Services</c> section: name → base address.</summary>
public sealed record DownstreamServices(IReadOnlyDictionary<string, Uri> Addresses)
{
    public static readonly IReadOnlyList<string> Names = ["identity", "institution", "company", "student", "content", "live", "board"];

    public static DownstreamServices From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Services");
        var addresses = Names.ToDictionary(
            name => name,
            name => Uri.TryCreate(section[name], UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Configuration value 'Services:{name}' is missing or not an absolute URL."));
        return new DownstreamServices(addresses);
    }
}
