namespace Lms.Live.Broadcasting;

public static class BroadcastExtensions
{
    /// <summary>The relay of browser broadcasts (see <see cref="BroadcastRelayEndpoints"/>).</summary>
    public static WebApplicationBuilder AddBrowserBroadcast(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BrowserBroadcastOptions>().Bind(builder.Configuration.GetSection(BrowserBroadcastOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BroadcastRelays>();
        builder.Services.AddSingleton<BroadcastGuard>();
        return builder;
    }
}
