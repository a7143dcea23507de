using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Lms.Live.Streaming.Ivs;

/// <summary>
/// The IVS REST API: each operation is a signed JSON POST to <c>/{Operation}</c>. Failures surface as
/// <see cref="StreamingUnavailableException"/> naming IVS's error type (the <c>x-amzn-ErrorType</c> header).
/// </summary>
public sealed class IvsClient(HttpClient http, IOptions<StreamingOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IvsOptions Ivs => options.Value.Ivs;

    public Task<IvsCreateChannelResponse> CreateChannelAsync(string name, CancellationToken cancellationToken) =>
        CallAsync<IvsCreateChannelResponse>("CreateChannel",
            new IvsCreateChannelRequest(name, "LOW", "STANDARD", Authorized: true, Ivs.RecordingConfigurationArn), cancellationToken)!;

    public Task<IvsChannelResponse> GetChannelAsync(string channelArn, CancellationToken cancellationToken) =>
        CallAsync<IvsChannelResponse>("GetChannel", new IvsArnRequest(channelArn), cancellationToken)!;

    public Task DeleteChannelAsync(string channelArn, CancellationToken cancellationToken) =>
        CallAsync<object>("DeleteChannel", new IvsArnRequest(channelArn), cancellationToken);

    public Task<IvsStreamKeyResponse> GetStreamKeyAsync(string streamKeyArn, CancellationToken cancellationToken) =>
        CallAsync<IvsStreamKeyResponse>("GetStreamKey", new IvsArnRequest(streamKeyArn), cancellationToken)!;

    public Task<IvsStreamKeyResponse> CreateStreamKeyAsync(string channelArn, CancellationToken cancellationToken) =>
        CallAsync<IvsStreamKeyResponse>("CreateStreamKey", new IvsChannelArnRequest(channelArn), cancellationToken)!;

    public Task DeleteStreamKeyAsync(string streamKeyArn, CancellationToken cancellationToken) =>
        CallAsync<object>("DeleteStreamKey", new IvsArnRequest(streamKeyArn), cancellationToken);

    /// <summary>Stops the channel's stream; IVS answers 404 ChannelNotBroadcasting when nothing runs, which is fine here.</summary>
    public Task StopStreamAsync(string channelArn, CancellationToken cancellationToken) =>
        CallAsync<object>("StopStream", new IvsChannelArnRequest(channelArn), cancellationToken, tolerate: "ChannelNotBroadcasting");

    private async Task<T?> CallAsync<T>(string operation, object input, CancellationToken cancellationToken, string? tolerate = null)
        where T : class
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Ivs.Endpoint, "/" + operation))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        SigV4.Sign(request, body, new SigV4.Credentials(Ivs.AccessKey, Ivs.SecretKey, Ivs.SessionToken), Ivs.Region, "ivs",
            clock.GetUtcNow().UtcDateTime);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new StreamingUnavailableException($"IVS {operation} could not be reached: {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First().Split(':')[0] : "unknown";
                if (errorType == tolerate)
                {
                    return null;
                }
                throw new StreamingUnavailableException($"IVS {operation} failed: {(int)response.StatusCode} {errorType}");
            }
            if (typeof(T) == typeof(object) || response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new StreamingUnavailableException($"IVS {operation} answered without a body.");
        }
    }
}
