namespace Lms.Identity.Sessions;

/// <summary>What the tokens say and how long they last (section <c>Auth</c>, shared with token validation).</summary>
public sealed class TokenIssuingOptions
{
    public string Issuer { get; set; } = string.Empty;

    public string Audience { get; set; } = string.Empty;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public CookieSettings Cookies { get; set; } = new();
}

public sealed class CookieSettings
{
    /// <summary>Parent domain shared by the sub-domains that call the API (e.g. <c>.example.com</c>); none locally.</summary>
    public string? Domain { get; set; }

    /// <summary>Secure cookies; turned off only for the local platform, which is plain HTTP.</summary>
    public bool Secure { get; set; } = true;
}
