using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Lms.ServiceDefaults.Http;

public static class RequestBodyLimit
{
    /// <summary>
    /// Caps request bodies (<c>Http:MaxRequestBodyBytes</c>); a larger body is a 413. Services take JSON only —
    /// file bytes go straight to object storage — so the default is small.
    /// </summary>
    public static WebApplicationBuilder AddRequestBodyLimit(this WebApplicationBuilder builder, long defaultBytes = 1024 * 1024)
    {
        var limit = builder.Configuration.GetValue("Http:MaxRequestBodyBytes", defaultBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limit);
        return builder;
    }
}
