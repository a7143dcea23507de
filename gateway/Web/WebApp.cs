using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Lms.Gateway.Web;

/// <summary>
/// The web app on the API's origin: <c>/</c> → <c>/app/</c>; hashed files under <c>/app/assets/</c> with a one-year
/// immutable cache (the brotli copy the build wrote when the browser takes br); any other <c>/app/…</c> path is a
/// client route and gets <c>index.html</c>, never cached, so a reload of a deep link works and a new release is seen at
/// once. Served ahead of authentication and the rate limiter: the files are public and cheap.
/// </summary>
public static partial class WebApp
{
    public const string Prefix = "/app";
    private const string AssetsPrefix = Prefix + "/assets/";

    // script-src 'self' keeps an injected script from running; Mantine sets inline styles, so style-src allows them.
    // Media and images come from the storage's presigned URLs (another origin), so those are open to http(s) and blob.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; " +
        "media-src 'self' blob: https: http:; connect-src 'self' https: http: ws: wss:; frame-src 'self' https: http:; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication UseWebApp(this WebApplication app)
    {
        var root = app.Configuration.GetSection(WebAppOptions.Section).Get<WebAppOptions>()?.Root;
        if (string.IsNullOrWhiteSpace(root) || !File.Exists(Path.Combine(root, "index.html")))
        {
            NoWebApp(app.Logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.Use((context, next) => TryServeAsync(context, files) is { } served ? served : next(context));
        return app;
    }

    private static Task? TryServeAsync(HttpContext context, IFileProvider files)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return null;
        }

        var path = request.Path.Value ?? "/";
        if (path == "/" || path == Prefix)
        {
            context.Response.Redirect(Prefix + "/");
            return Task.CompletedTask;
        }

        if (!path.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[(Prefix.Length + 1)..];
        if (path.StartsWith(AssetsPrefix, StringComparison.Ordinal))
        {
            // A missing hashed file is a 404, not the app: a stale page asking for last release's chunk must fail loudly.
            return SendFileAsync(context, files, relative, immutable: true) ?? NotFoundAsync(context);
        }

        return (relative.Length > 0 && !relative.EndsWith('/') ? SendFileAsync(context, files, relative, immutable: false) : null)
               ?? SendFileAsync(context, files, "index.html", immutable: false, page: true);
    }

    private static Task? SendFileAsync(HttpContext context, IFileProvider files, string relative, bool immutable, bool page = false)
    {
        if (relative.Contains("..", StringComparison.Ordinal) || relative.Contains('\\') || relative.EndsWith(".br", StringComparison.Ordinal))
        {
            return null;
        }

        var file = files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }

        var response = context.Response;
        var contentType = ContentTypes.TryGetContentType(relative, out var type) ? type : "application/octet-stream";
        if (AcceptsBrotli(context.Request) && files.GetFileInfo(relative + ".br") is { Exists: true } compressed)
        {
            file = compressed;
            response.Headers.ContentEncoding = "br";
        }

        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.ContentType = contentType;
        response.ContentLength = file.Length;
        response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (page)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers["Referrer-Policy"] = "same-origin";
            response.Headers.XFrameOptions = "DENY";
        }

        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.SendFileAsync(file, context.RequestAborted);
    }

    private static bool AcceptsBrotli(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(value => value is not null &&
            value.Split(',').Any(part => part.Trim().StartsWith("br", StringComparison.OrdinalIgnoreCase) && !part.Contains("q=0", StringComparison.Ordinal)));

    [LoggerMessage(Level = LogLevel.Information, Message = "No web app is served: Web:Root names no folder with an index.html ({Root})")]
    private static partial void NoWebApp(ILogger logger, string? root);

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
