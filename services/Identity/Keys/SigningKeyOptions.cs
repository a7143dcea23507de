namespace Lms.Identity.Keys;

/// <summary>Section <c>Tokens</c>: how often the signing key is replaced (the secret that encrypts it is <see cref="KeyProtection"/>'s).</summary>
public sealed class SigningKeyOptions
{
    /// <summary>A new signing key after this long; the old one stays published until every token it signed has expired.</summary>
    public TimeSpan RotateAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The least time between two reloads forced by a token signed with a key this instance does not know.</summary>
    public TimeSpan UnknownKeyReloadInterval { get; set; } = TimeSpan.FromMinutes(1);
}
