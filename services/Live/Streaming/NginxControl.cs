using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming;

/// <summary>
/// nginx-rtmp's control endpoint: drops a stream's publisher, so ending a session stops the stream at once instead of
/// whenever the encoder stops (nginx then closes the playlist and reports the stream done).
/// </summary>
public sealed partial class NginxControl(HttpClient http, IOptions<StreamingOptions> options, ILogger<NginxControl> logger)
{
    public const string SecretHeader = "X-Lms-Control-Secret";

    public async Task DropPublisherAsync(string streamName, CancellationToken cancellationToken)
    {
        var local = options.Value.Local;
        if (local.ControlUrl.Length == 0)
        {
            return;
        }
        // The encoder publishes to "live" (renamed to the public name by on_publish), which pushes to "hls": dropping
        // the first ends both.
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{local.ControlUrl.TrimEnd('/')}/drop/publisher?app=live&name={Uri.EscapeDataString(streamName)}");
        request.Headers.Add(SecretHeader, local.CallbackSecret);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            // 404: nothing publishes under that name (the encoder had already stopped).
            if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                throw new StreamingUnavailableException($"nginx-rtmp's control endpoint answered {(int)response.StatusCode}.");
            }
            LogDropped(logger, streamName);
        }
        catch (HttpRequestException ex)
        {
            throw new StreamingUnavailableException("nginx-rtmp's control endpoint could not be reached.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The publisher of stream {Stream} was dropped")]
    private static partial void LogDropped(ILogger logger, string stream);
}
