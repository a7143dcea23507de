using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.ServiceDefaults.Security;

/// <summary>
/// Browsers cannot put headers on a WebSocket, so a SignalR client sends its token as the <c>access_token</c> query.
/// It is read on the given path only (anywhere else a token in a URL would end up in logs and referrers), and only when
/// no header or cookie supplied one. Request logging stays at Warning, so the query is not logged.
/// </summary>
public static class QueryStringTokens
{
    public static IServiceCollection AcceptQueryTokensOn(this IServiceCollection services, PathString path) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var previous = options.Events?.OnMessageReceived;
            options.Events ??= new JwtBearerEvents();
            options.Events.OnMessageReceived = async context =>
            {
                if (previous is not null)
                {
                    await previous(context);
                }
                if (string.IsNullOrEmpty(context.Token) && context.Request.Headers.Authorization.Count == 0 &&
                    context.Request.Path.StartsWithSegments(path) &&
                    context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                {
                    context.Token = token;
                }
            };
        });
}
