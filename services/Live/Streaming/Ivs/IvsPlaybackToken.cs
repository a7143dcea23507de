using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming.Ivs;

/// <summary>
/// A viewer's playback authorization token for a private IVS channel: a JWT signed ES384 with the playback key pair's
/// private key, naming the channel ARN, the viewer and the web app's origin (IVS refuses players on other origins), and
/// expiring soon. IVS checks it against the imported public key.
/// </summary>
public static class IvsPlaybackToken
{
    public static string Create(string channelArn, string viewerId, string allowedOrigin, DateTimeOffset expires, ECDsa privateKey)
    {
        var header = Encode(new Dictionary<string, object> { ["alg"] = "ES384", ["typ"] = "JWT" });
        var payload = Encode(new Dictionary<string, object>
        {
            ["aws:channel-arn"] = channelArn,
            ["aws:access-control-allow-origin"] = allowedOrigin,
            ["aws:viewer-id"] = viewerId,
            ["exp"] = expires.ToUnixTimeSeconds(),
        });
        var signingInput = $"{header}.{payload}";
        // JWS wants the raw r‖s concatenation, which is .NET's default (IEEE P1363) signature format.
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA384);
        return $"{signingInput}.{WebEncoders.Base64UrlEncode(signature)}";
    }

    private static string Encode(Dictionary<string, object> value) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(value));
}

/// <summary>The playback key pair's private key, read once from configuration, signing viewer tokens.</summary>
public sealed class IvsPlaybackSigner(IOptions<StreamingOptions> options, IConfiguration configuration) : IDisposable
{
    private readonly Lazy<ECDsa> key = new(() =>
    {
        var key = ECDsa.Create();
        key.ImportFromPem(options.Value.Ivs.PlaybackPrivateKeyPem);
        return key;
    });

    public string Token(string channelArn, Guid viewerId, DateTimeOffset expires) =>
        IvsPlaybackToken.Create(channelArn, viewerId.ToString(), WebOrigin, expires, key.Value);

    /// <summary>The web app's origin (the first of <c>Cors:AllowedOrigins</c>): the only page allowed to play.</summary>
    private string WebOrigin => configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() is [var first, ..] ? first.TrimEnd('/') : "null";

    public void Dispose()
    {
        if (key.IsValueCreated)
        {
            key.Value.Dispose();
        }
    }
}
