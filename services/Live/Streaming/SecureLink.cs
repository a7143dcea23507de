using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Lms.Live.Streaming;

/// <summary>
/// The token nginx's <c>secure_link</c> module checks on every HLS request:
/// <c>secure_link_md5 "$secure_link_expires:$stream:$viewer:SECRET"</c>, compared with the base64url MD5 (no padding) in
/// the path. The token sits in the path, not the query, because players resolve segment names against the playlist's
/// URL: <c>/hls/{token}/{expires}/{viewer}/{stream}.m3u8</c> makes every segment request carry the same token. The
/// viewer (the user id, hex) is signed in: a shared link names its owner, and nginx asks the live service before each
/// playlist whether that owner may still watch (<see cref="PlaybackCheck"/>).
/// </summary>
public static class SecureLink
{
    public static string Token(string stream, Guid viewer, long expires, string secret)
    {
        // MD5 is what nginx's secure_link_md5 computes; the secret and the expiry are what protect the link.
#pragma warning disable CA5351
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"{expires.ToString(CultureInfo.InvariantCulture)}:{stream}:{viewer:N}:{secret}"));
#pragma warning restore CA5351
        return WebEncoders.Base64UrlEncode(hash);
    }

    public static string Url(string playbackBase, string stream, Guid viewer, DateTimeOffset expires, string secret)
    {
        var seconds = expires.ToUnixTimeSeconds();
        return $"{playbackBase.TrimEnd('/')}/{Token(stream, viewer, seconds, secret)}/{seconds.ToString(CultureInfo.InvariantCulture)}/{viewer:N}/{stream}.m3u8";
    }
}
