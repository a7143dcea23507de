using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;

namespace Lms.Live.Streaming.Ivs;

/// <summary>
/// AWS Signature Version 4 for a JSON POST: the canonical request is built here (what is signed, in AWS's order), and
/// AWSSDK.Core's <see cref="AWS4Signer"/> derives the signing key and the signature from it.
/// </summary>
public static class SigV4
{
    public sealed record Credentials(string AccessKey, string SecretKey, string? SessionToken);

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Content-Sha256</c>, the session token when there is one, and <c>Authorization</c>.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, Credentials credentials, string region, string service, DateTime signedAt)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        var amzDate = signedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}",
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
        };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            headers["x-amz-security-token"] = credentials.SessionToken;
        }

        var canonical = CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, payloadHash);
        var signedHeaders = string.Join(';', headers.Keys);
        var result = AWS4Signer.ComputeSignature(credentials.AccessKey, credentials.SecretKey, region, signedAt.ToUniversalTime(), service,
            signedHeaders, canonical);

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", payloadHash);
        if (!string.IsNullOrEmpty(credentials.SessionToken))
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>
    /// Method, path, sorted query, lower-cased sorted headers with trimmed values, the signed header names, and the
    /// payload hash, one per line.
    /// </summary>
    public static string CanonicalRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, string payloadHash)
    {
        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(kv[0])), Value: kv.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(kv[1])) : ""))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value}"));
        var sorted = headers.OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        var builder = new StringBuilder()
            .Append(method).Append('\n')
            .Append(path.Length == 0 ? "/" : path).Append('\n')
            .Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in sorted)
        {
            builder.Append(name.ToLowerInvariant()).Append(':').Append(value.Trim()).Append('\n');
        }
        builder.Append('\n')
            .Append(string.Join(';', sorted.Select(h => h.Key.ToLowerInvariant()))).Append('\n')
            .Append(payloadHash);
        return builder.ToString();
    }
}
