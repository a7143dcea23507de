namespace Lms.Identity.External;

/// <summary>
/// Section <c>ExternalLogin</c>. A provider is enabled when its client id and secret are set; Google's endpoints
/// are known, any other OAuth 2.0 / OpenID Connect provider is added by naming its endpoints.
/// </summary>
public sealed class ExternalLoginOptions
{
    /// <summary>Where the browser is sent after signing in with a provider (the web app).</summary>
    public string ReturnUrl { get; set; } = "/";

    public Dictionary<string, ExternalProvider> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ExternalProvider? Find(string name)
    {
        if (!Providers.TryGetValue(name, out var provider) || !provider.IsEnabled)
        {
            return null;
        }

        return string.Equals(name, "google", StringComparison.OrdinalIgnoreCase) ? provider.WithGoogleDefaults() : provider;
    }
}

public sealed class ExternalProvider
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? AuthorizationEndpoint { get; set; }

    public string? TokenEndpoint { get; set; }

    public string? UserInfoEndpoint { get; set; }

    public string Scopes { get; set; } = "openid email profile";

    public bool IsEnabled =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public ExternalProvider WithGoogleDefaults() => new()
    {
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Scopes = Scopes,
        AuthorizationEndpoint = AuthorizationEndpoint ?? "https://accounts.google.com/o/oauth2/v2/auth",
        TokenEndpoint = TokenEndpoint ?? "https://oauth2.googleapis.com/token",
        UserInfoEndpoint = UserInfoEndpoint ?? "https://openidconnect.googleapis.com/v1/userinfo",
    };
}
