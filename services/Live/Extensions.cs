using Lms.Live.Access;
using Lms.Live.Data;
using Lms.Live.Streaming;
using Lms.Live.Streaming.Ivs;
using Microsoft.Extensions.Options;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Users;

namespace Lms.Live;

public static class Extensions
{
    /// <summary>The live service's database, projections and streaming provider.</summary>
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LiveDbContext>();
        builder.AddServiceBus((bus, service) =>
        {
            bus.AddUserDirectory<LiveDbContext>(service);
            bus.AddConsumer<ProvisionConsumer>();
            bus.AddConsumer<EnrollmentActivatedConsumer>();
            bus.AddConsumer<EnrollmentCancelledConsumer>();
            bus.AddConsumer<EnrollmentAccessChangedConsumer>();
            bus.AddConsumer<ManagerAddedConsumer>();
            bus.AddConsumer<ManagerRemovedConsumer>();
            bus.AddConsumer<SessionsRevokedConsumer>();
            bus.AddConsumer<Recordings.RecordingReadyConsumer>();
            bus.AddConsumer<Recordings.RecordingRejectedConsumer>();
        });

        builder.Services.AddOptions<Attendance.AttendanceOptions>().Bind(builder.Configuration.GetSection(Attendance.AttendanceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<StreamingOptions>().Bind(builder.Configuration.GetSection(StreamingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider is "Local" or "Ivs", "Live:Streaming:Provider is Local or Ivs.")
            .Validate(o => o.Provider != "Local" || (LocalStreamingOptions.Strong(o.Local.PlaybackSecret, development) &&
                    LocalStreamingOptions.Strong(o.Local.CallbackSecret, development)),
                "Live:Streaming:Local:PlaybackSecret and CallbackSecret (shared with nginx.conf) are required for the Local provider: " +
                "16+ characters in Development, elsewhere 32+ and none of the defaults published in the repository.")
            .Validate(o => o.Provider != "Local" || development || InternalListener.Port(builder.Configuration) is not null,
                "Live:InternalUrl (the listener nginx calls back on, never published) is required for the Local provider outside Development.")
            .Validate(o => o.Provider != "Ivs" || (o.Ivs.AccessKey.Length > 0 && o.Ivs.SecretKey.Length > 0 && o.Ivs.PlaybackPrivateKeyPem.Length > 0
                    && o.Ivs.EventsApiKey.Length >= 16),
                "Live:Streaming:Ivs needs AccessKey, SecretKey, PlaybackPrivateKeyPem and EventsApiKey (16+ characters) for the Ivs provider.")
            .ValidateOnStart();
        builder.Services.AddHttpClient<NginxControl>(client => client.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<HlsPlaylistCloser>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HlsPlaylistCloser>());
        builder.Services.AddSingleton<LocalStreaming>();
        builder.Services.AddHttpClient<IvsClient>();
        builder.Services.AddSingleton<IvsPlaybackSigner>();
        builder.Services.AddTransient<IvsStreaming>();
        builder.Services.AddTransient<IStreamingProvider>(services =>
            services.GetRequiredService<IOptions<StreamingOptions>>().Value.Provider == "Ivs"
                ? services.GetRequiredService<IvsStreaming>()
                : services.GetRequiredService<LocalStreaming>());
        return builder;
    }
}
