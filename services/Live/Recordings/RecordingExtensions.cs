using Microsoft.Extensions.Options;

namespace Lms.Live.Recordings;

public static class RecordingExtensions
{
    /// <summary>Session recordings: the processor on every instance, the store and ffmpeg.</summary>
    public static WebApplicationBuilder AddRecordings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RecordingOptions>().Bind(builder.Configuration.GetSection(RecordingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RecordingStorageOptions>().BindConfiguration("Storage");
        builder.Services.AddSingleton<Remuxer>();
        builder.Services.AddSingleton<RecordingStore>();
        builder.Services.AddSingleton<RecordingProcessor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RecordingProcessor>());
        return builder;
    }

    /// <summary>
    /// The FLV file nginx reports, when it is inside the configured recordings directory (a file anywhere else is never
    /// read, whoever calls); null otherwise or when recordings are off.
    /// </summary>
    public static string? RecordedFile(IOptions<RecordingOptions> options, string reported)
    {
        if (options.Value.Directory.Length == 0 || reported.Length == 0 || reported.Length > SessionRecording.PathMaxLength)
        {
            return null;
        }
        var directory = Path.GetFullPath(options.Value.Directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(reported);
        return path.StartsWith(directory, StringComparison.Ordinal) && path.EndsWith(".flv", StringComparison.Ordinal) ? path : null;
    }
}
