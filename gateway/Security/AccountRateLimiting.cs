using System.Text.Json;
using System.Threading.RateLimiting;

namespace Lms.Gateway.Security;

/// <summary>
/// The per-account half of the strict limits: sign-in, sign-up, confirmation, resend and password recovery are also
/// counted per account named in the body, so spreading guesses for one account over many addresses does not help.
/// The key is the name given, whether or not an account has it, so a refusal says nothing about who exists.
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
        ["/identity/v1/password/forgot"] = "login",
        ["/identity/v1/password/reset"] = "email",
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
        var path = (context.Request.Path.Value ?? string.Empty).TrimEnd('/');
        if (HttpMethods.IsPost(context.Request.Method) && AccountField.TryGetValue(path, out var field))
        {
            // A body too big to inspect is not a sign-in anyone needs: refuse rather than let it pass uncounted.
            if (context.Request.ContentLength > MaxInspectedBytes)
            {
                throw new BadHttpRequestException($"Requests to {path} may carry at most {MaxInspectedBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            if (await ReadAccountAsync(context.Request, field) is not { } account)
            {
                await next(context);
                return;
            }

            using var lease = _limiter.AttemptAcquire($"{path.ToUpperInvariant()} {account}");
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
        if (request.HasFormContentType)
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
                throw new BadHttpRequestException($"Requests to this route may carry at most {MaxInspectedBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            // A byte-order mark is valid before JSON to the identity service, so it must not hide the account here.
            var json = buffer.AsMemory(0, read);
            if (json.Span.StartsWith("\uFEFF"u8))
            {
                json = json[3..];
            }
            using var document = JsonDocument.Parse(json);
            // The identity service binds JSON names case-insensitively, so "Login" counts as "login" here too.
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var matches = document.RootElement.EnumerateObject()
                .Where(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count > 1)
            {
                // The service would read the last one and this limiter the first: name the account once.
                throw new BadHttpRequestException($"The field '{field}' appears more than once.", StatusCodes.Status400BadRequest);
            }
            // Normalised as identity normalises names (NFKC), so look-alike spellings of one account share its bucket.
            return matches is [{ Value.ValueKind: JsonValueKind.String } only]
                ? only.Value.GetString()!.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant()
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
