using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Lms.ServiceDefaults.Security;

public static class JwtAuthentication
{
    /// <summary>The least time between two fetches of the signing keys caused by tokens with an unknown key id.</summary>
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Bearer tokens issued by the identity service: issuer, audience, lifetime and signature are always
    /// validated; the signing keys come from the identity service's metadata (JWKS). One policy per role.
    /// <c>Auth:RequireHttpsMetadata</c> says whether that metadata must come over HTTPS: on by default outside
    /// Development. Compose and ECS turn it off on purpose, because there the identity service is reached by
    /// its private name (inside the compose network or the VPC), never across the internet.
    /// </summary>
    public static IServiceCollection AddLmsJwtBearer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var auth = configuration.GetSection("Auth");
        var issuer = auth.GetRequiredValue("Issuer");
        var audience = auth.GetRequiredValue("Audience");
        var metadataAddress = auth.GetRequiredValue("MetadataAddress");
        var requireHttpsMetadata = auth.GetValue<bool?>("RequireHttpsMetadata") ?? !environment.IsDevelopment();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.MetadataAddress = metadataAddress;
                options.RequireHttpsMetadata = requireHttpsMetadata;
                // The identity service rotates its signing key (Tokens:RotateAfter). A token whose key id is not in the
                // cached key set makes the handler fetch the set again and retry, at most once per RefreshInterval, so
                // made-up key ids cannot turn every request into a call to the identity service.
                options.RefreshOnIssuerKeyNotFound = true;
                options.RefreshInterval = UnknownKeyRefreshInterval;
                options.AutomaticRefreshInterval = TimeSpan.FromHours(1);
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudience = audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = LmsClaims.Name,
                    RoleClaimType = LmsClaims.Role,
                };
                // Browsers carry the access token in an httpOnly cookie; an Authorization header wins over it.
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Headers.Authorization.Count == 0 &&
                            context.Request.Cookies.TryGetValue(AuthCookieNames.AccessToken, out var cookie))
                        {
                            context.Token = cookie;
                        }
                        return Task.CompletedTask;
                    },
                    // Every endpoint takes the caller from sub: a token without a user id is no identity at all, so it is
                    // refused here (401) rather than failing inside an endpoint (500).
                    OnTokenValidated = context =>
                    {
                        if (!Guid.TryParse(context.Principal?.FindFirst(LmsClaims.Subject)?.Value, out _))
                        {
                            context.Fail("The token names no user (sub).");
                        }
                        return Task.CompletedTask;
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddRolePolicies();
        return services;
    }

    public static WebApplicationBuilder AddJwtAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddLmsJwtBearer(builder.Configuration, builder.Environment);
        return builder;
    }

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        foreach (var role in Roles.All)
        {
            builder.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        }
        return builder;
    }
}
