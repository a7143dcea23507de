using System.Security.Cryptography;
using System.Text;

namespace Lms.Identity.External;

/// <summary>
/// One started sign-in with a provider: the <c>state</c> that ties the callback to it (stored hashed, used
/// once, valid ten minutes) and the PKCE verifier that proves the code exchange comes from us.
/// </summary>
public sealed class ExternalLoginState
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private ExternalLoginState()
    {
    }

    public string StateHash { get; private set; } = string.Empty;

    public string Provider { get; private set; } = string.Empty;

    public bool SignUp { get; private set; }

    public string CodeVerifier { get; private set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; private set; }

    public static (ExternalLoginState Stored, string State) Start(string provider, bool signUp, DateTimeOffset now)
    {
        var state = Random();
        return (new ExternalLoginState
        {
            StateHash = Hash(state),
            Provider = provider.ToLowerInvariant(),
            SignUp = signUp,
            CodeVerifier = Random(),
            ExpiresAt = now + Lifetime,
        }, state);
    }

    public string CodeChallenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public static string Hash(string state) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
