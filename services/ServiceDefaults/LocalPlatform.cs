using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Lms.ServiceDefaults;

/// <summary>
/// Settings that are the same for every service on the local platform that <c>./lms up</c> starts. They sit
/// below every other configuration source and apply in Development only; elsewhere each value must be
/// configured and a missing one stops the service at start-up.
/// </summary>
public static class LocalPlatform
{
    public const string IdentityUrl = "http://127.0.0.1:5101";
    public const string GatewayUrl = "http://127.0.0.1:8080";

    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Auth:Issuer"] = $"{GatewayUrl}/identity/v1",
        ["Auth:Audience"] = "lms",
        ["Auth:MetadataAddress"] = $"{IdentityUrl}/identity/v1/.well-known/openid-configuration",
        // The web app as the gateway serves it, and its dev server: the only pages whose cookie-signed requests are
        // accepted (CrossSiteCookieGuard). The first is the origin IVS playback tokens name.
        ["Cors:AllowedOrigins:0"] = GatewayUrl,
        ["Cors:AllowedOrigins:1"] = "http://localhost:8080",
        ["Cors:AllowedOrigins:2"] = "http://localhost:3000",
        ["Cors:AllowedOrigins:3"] = "http://127.0.0.1:3000",
        // The local S3-compatible server takes any keys; in AWS the task role's credentials are used instead.
        ["Storage:ServiceUrl"] = "http://127.0.0.1:4568",
        ["Storage:AccessKey"] = "S3RVER",
        ["Storage:SecretKey"] = "S3RVER",
    };

    public static void AddLocalPlatformDefaults(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        }
    }
}
