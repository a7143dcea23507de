using Lms.ServiceDefaults.Security;
using Lms.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lms.ServiceDefaults.Tests.Http;

public sealed class Reloading_signing_keys
{
    [Fact]
    public void A_token_with_an_unknown_key_id_fetches_the_keys_again_at_most_once_a_minute()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings!);
        builder.AddJwtAuthentication();
        using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.True(options.RefreshOnIssuerKeyNotFound);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RefreshInterval);
        var manager = Assert.IsType<Microsoft.IdentityModel.Protocols.ConfigurationManager<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration>>(
            options.ConfigurationManager);
        Assert.Equal(TimeSpan.FromMinutes(1), manager.RefreshInterval);
    }
}
