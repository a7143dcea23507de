using Lms.Content.Storage;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;

namespace Lms.Content.Benchmarks;

/// <summary>
/// The road not taken, kept only as the baseline of <c>scripts/benchmark-upload.sh</c>: the bytes pass through this
/// service on their way to storage. Mapped only when <c>Benchmark:ProxyUpload</c> is true, never in production.
/// </summary>
public static class ProxyUploadBaseline
{
    public static WebApplication MapProxyUploadBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Benchmark:ProxyUpload", false))
        {
            return app;
        }

        app.MapPut("/content/v1/benchmark/proxy-upload", async (HttpContext context, ObjectStorage storage, IHttpClientFactory clients) =>
        {
            // Large bodies are the point here; the service's usual 1 MiB cap does not apply to this route.
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
            var key = $"benchmark/{Guid.NewGuid():N}.bin";
            var url = await storage.PartUrlAsync(key, null, 1, DateTimeOffset.UtcNow.AddHours(1));
            using var content = new StreamContent(context.Request.Body);
            content.Headers.ContentLength = context.Request.ContentLength;
            using var response = await clients.CreateClient("benchmark").PutAsync(url, content, context.RequestAborted);
            await storage.DeleteAsync(key, context.RequestAborted);
            return response.IsSuccessStatusCode ? Results.NoContent() : Results.StatusCode(StatusCodes.Status502BadGateway);
        }).RequireAuthorization(Roles.InstitutionManager).ExcludeFromDescription();
        return app;
    }
}
