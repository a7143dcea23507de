namespace Lms.Identity.External;

/// <summary>The configured providers by their route name (<c>google</c>), for the sign-in page's buttons.</summary>
public sealed record ExternalProvidersResponse(IReadOnlyList<string> Providers);
