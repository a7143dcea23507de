using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Lms.Identity.Keys;

/// <summary>
/// How the identity service validates its own tokens: from its key store directly, rather than by fetching
/// its own metadata over HTTP as the other services do.
/// </summary>
internal sealed class OwnSigningKeys(SigningKeyStore store, string issuer)
    : BaseConfigurationManager, IConfigurationManager<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var keys = await store.GetAsync(cancel);
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
        foreach (var key in keys.Published)
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }

    public override async Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        await GetConfigurationAsync(cancel);

    /// <summary>Called on a token whose key id is unknown: reloads the key store, at most once per reload interval.</summary>
    public override void RequestRefresh() => store.RequestReload();
}
