using Microsoft.Extensions.Configuration;

namespace Lms.ServiceDefaults;

public static class ConfigurationExtensions
{
    /// <summary>Reads a setting that the service cannot run without, failing at start-up with the key's name.</summary>
    public static string GetRequiredValue(this IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"Configuration value '{key}' is missing.")
            : value;
    }
}
