using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Lms.Deploy.Tests;

/// <summary>
/// <c>Auth:RequireHttpsMetadata</c>: outside Development the identity metadata must come over HTTPS unless the
/// deployment says otherwise, as compose and ECS do for the identity service's private name.
/// </summary>
public sealed class Identity_metadata_over_HTTPS
{
    private const string PrivateMetadata = "http://identity:8080/identity/v1/.well-known/openid-configuration";
    private const string PublicMetadata = "https://lms.example.com/identity/v1/.well-known/openid-configuration";

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    [InlineData("Development", "true")]
    public void Refuses_a_plain_HTTP_address_where_HTTPS_is_required(string environment, string? setting)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => BearerOptions(environment, setting, PrivateMetadata));
        Assert.Contains("must use HTTPS", refused.Message, StringComparison.Ordinal);
        Assert.True(BearerOptions(environment, setting, PublicMetadata).RequireHttpsMetadata);
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Production", "false")]
    public void Accepts_a_plain_HTTP_address_in_Development_or_when_configured(string environment, string? setting)
    {
        var options = BearerOptions(environment, setting, PrivateMetadata);
        Assert.False(options.RequireHttpsMetadata);
        Assert.Equal(PrivateMetadata, options.MetadataAddress);
    }

    [Fact]
    public void Is_turned_off_by_compose_which_reaches_identity_by_its_compose_name()
    {
        var compose = Repository.Read("docker-compose.yml");
        Assert.Contains("Auth__RequireHttpsMetadata: \"false\"", compose, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", compose, StringComparison.Ordinal);
    }

    private static JwtBearerOptions BearerOptions(string environment, string? requireHttps, string metadataAddress)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = "https://lms.example.com/identity/v1",
            ["Auth:Audience"] = "lms",
            ["Auth:MetadataAddress"] = metadataAddress,
        };
        if (requireHttps is not null)
        {
            settings["Auth:RequireHttpsMetadata"] = requireHttps;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddLmsJwtBearer(configuration, new HostingEnvironment { EnvironmentName = environment });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }
}
