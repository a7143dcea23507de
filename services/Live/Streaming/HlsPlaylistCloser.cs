using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming;

/// <summary>
/// Ends an ended stream's playlist with <c>#EXT-X-ENDLIST</c>, which nginx-rtmp never writes: without it a player keeps
/// polling a list that no longer grows and finally reports an error; with it, it plays to the last segment and stops.
/// nginx writes its last playlist while the stream closes (around its publish_done callback), so the list is checked a
/// few times over the next seconds and closed again if nginx rewrote it. Needs <c>Live:Streaming:Local:HlsDirectory</c>
/// (the directory nginx writes HLS into, shared with this service); without it, nothing is done.
/// </summary>
public sealed partial class HlsPlaylistCloser(IOptions<StreamingOptions> options, TimeProvider clock, ILogger<HlsPlaylistCloser> logger)
    : BackgroundService
{
    public const string EndList = "#EXT-X-ENDLIST";

    private static readonly TimeSpan[] Checks = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly Channel<string> ended = Channel.CreateUnbounded<string>();

    public void Close(string stream) => ended.Writer.TryWrite(stream);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var stream in ended.Reader.ReadAllAsync(stoppingToken))
        {
            _ = CloseSoonAsync(stream, stoppingToken);
        }
    }

    private async Task CloseSoonAsync(string stream, CancellationToken cancellationToken)
    {
        var directory = options.Value.Local.HlsDirectory;
        if (directory.Length == 0 || stream.Length == 0 || stream.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            return;
        }
        var path = Path.Combine(directory, stream + ".m3u8");
        try
        {
            foreach (var wait in Checks)
            {
                await Task.Delay(wait, clock, cancellationToken);
                await EndAsync(path, cancellationToken);
            }
        }
        catch (IOException ex)
        {
            LogFailed(logger, ex, stream);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the list stays open, as nginx left it.
        }
    }

    /// <summary>Appends the end tag unless the list already has it; the new list replaces the old one in one rename.</summary>
    internal static async Task EndAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        if (text.Contains(EndList, StringComparison.Ordinal))
        {
            return;
        }
        var temporary = path + ".closing";
        await File.WriteAllTextAsync(temporary, text.TrimEnd('\n') + "\n" + EndList + "\n", cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The playlist of stream {Stream} could not be closed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string stream);
}
