using System.Text.Json;
using System.Threading.RateLimiting;

namespace Lms.Gateway.Security;

/// <summary>
/// The per-account half of the strict limits: sign-in, sign-up, confirmation and resend are also counted per
/// account named in the body, so spreading guesses for one account over many addresses does not help.
/// (The identity service adds its own lockout and code-attempt limits behind this.)
/// </summary>
public sealed class AccountRateLimiting : IDisposable
{
    private const int MaxInspectedBytes = 4096;

    private static readonly Dictionary<string, string> AccountField = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/identity/v1/signin"] = "login",
        ["/identity/v1/signup"] = "email",
        ["/identity/v1/confirm"] = "email",
        ["/identity/v1/confirm/resend"] = "email",
    };

    private readonly PartitionedRateLimiter<string> _limiter;

    public AccountRateLimiting(RateLimitOptions limits) =>
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.StrictPermitsPerAccountPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsPost(context.Request.Method) &&
            AccountField.TryGetValue(context.Request.Path.Value ?? string.Empty, out var field) &&
            await ReadAccountAsync(context.Request, field) is { } account)
        {
            using var lease = _limiter.AttemptAcquire($"{context.Request.Path.Value!.ToUpperInvariant()} {account}");
            if (!lease.IsAcquired)
            {
                await RateLimiting.WriteTooManyRequestsAsync(context,
                    lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
                return;
            }
        }

        await next(context);
    }

    // Reads the account from a small JSON body and rewinds it for the proxy; anything unreadable passes on
    // to the identity service, which answers it properly.
    private static async Task<string?> ReadAccountAsync(HttpRequest request, string field)
    {
        if (request.ContentLength > MaxInspectedBytes || request.HasFormContentType)
        {
            return null;
        }

        request.EnableBuffering();
        try
        {
            // Browsers and HttpClient may send the body chunked, without a length: read at most a little.
            var buffer = new byte[MaxInspectedBytes + 1];
            var read = 0;
            int chunk;
            while (read < buffer.Length &&
                   (chunk = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted)) > 0)
            {
                read += chunk;
            }

            if (read > MaxInspectedBytes)
            {
                return null;
            }

            using var document = JsonDocument.Parse(buffer.AsMemory(0, read));
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!.Trim().ToUpperInvariant()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    public void Dispose() => _limiter.Dispose();
}
