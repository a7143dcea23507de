using Lms.ServiceDefaults.Security;

namespace Lms.Gateway.Security;

/// <summary>
/// Browsers cannot put headers on a WebSocket, so a SignalR client sends its token as the <c>access_token</c> query on
/// the live classroom hub. The gateway reads it there (and only there) so the connection is counted against its user
/// rather than the office address: 300 employees joining a quiz at once must not share one anonymous budget. The live
/// service validates the same token again. Request logging stays at Warning, so the query is not logged.
/// </summary>
public static class HubTokens
{
    public const string HubPath = "/live/hubs";

    public static IServiceCollection AcceptHubQueryTokens(this IServiceCollection services) => services.AcceptQueryTokensOn(HubPath);
}
