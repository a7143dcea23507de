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
    public static string? RecordedFile(IOptions<RecordingOptions> options, string reported, string streamName)
    {
        if (options.Value.Directory.Length == 0 || reported.Length == 0 || reported.Length > SessionRecording.PathMaxLength)
        {
            return null;
        }
        var directory = Path.GetFullPath(options.Value.Directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(reported);
        // record_unique names the file "{stream}-{unix time}.flv" directly inside record_path.
        var file = Path.GetFileName(path);
        var ours = Path.GetDirectoryName(path) + Path.DirectorySeparatorChar == directory &&
            file.StartsWith(streamName + "-", StringComparison.Ordinal) && file.EndsWith(".flv", StringComparison.Ordinal) &&
            file[(streamName.Length + 1)..^4].All(char.IsAsciiDigit) && file.Length > streamName.Length + 5;
        return ours ? path : null;
    }
}
