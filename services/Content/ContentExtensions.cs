using Amazon.S3;
using Lms.Content.Access;
using Lms.Content.Data;
using Lms.Content.Storage;
using Lms.Content.Uploads;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging;

namespace Lms.Content;

public static class ContentExtensions
{
    public static WebApplicationBuilder AddContentService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ContentDbContext>();
        builder.AddServiceBus((bus, _) =>
        {
            bus.AddConsumer<CourseCatalogChangedConsumer>();
            bus.AddConsumer<ManagerAddedConsumer>();
            bus.AddConsumer<ManagerRemovedConsumer>();
            bus.AddConsumer<CourseStructureChangedConsumer>();
            bus.AddConsumer<EnrollmentActivatedConsumer>();
            bus.AddConsumer<EnrollmentCancelledConsumer>();
            bus.AddConsumer<EnrollmentAccessChangedConsumer>();
            bus.AddConsumer<LiveRecordingConsumer>();
        });

        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration("Storage");
        builder.Services.AddOptions<UploadOptions>().BindConfiguration("Uploads");
        builder.Services.AddSingleton<IAmazonS3>(_ => ObjectStorage.CreateClient(storage));
        builder.Services.AddSingleton<ObjectStorage>();
        builder.Services.AddSingleton<VideoProbe>();
        builder.Services.AddSingleton<UploadMetrics>();
        // Only the benchmark's proxy baseline uses it; the default resilience handler's 30 s budget and retries
        // do not suit a 1 GiB streamed body, so this one client goes without (the API is marked experimental).
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient("benchmark", http => http.Timeout = TimeSpan.FromMinutes(30)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<UploadSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<UploadSweeper>());
        return builder;
    }
}
