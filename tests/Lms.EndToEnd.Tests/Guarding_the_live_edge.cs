using System.Net;
using System.Net.WebSockets;

namespace Lms.EndToEnd.Tests;

/// <summary>
/// The live service's edge as an outsider meets it on the running platform: nginx's callbacks are not reachable
/// through the gateway and need the installation's own secret on the internal listener; a page on another site cannot
/// open the classroom with the visitor's cookie; the web app can read the headers it needs.
/// </summary>
public sealed class Guarding_the_live_edge
{
    private static readonly string Secrets = Environment.GetEnvironmentVariable("LMS_SECRETS_DIR")
        ?? Path.Combine(RunningPlatform.LogDirectory, "..", "secrets");

    private static readonly Uri LiveInternal = new(Environment.GetEnvironmentVariable("LMS_LIVE_INTERNAL") ?? "http://127.0.0.1:5116");

    private static readonly Uri LiveDirect = new(Environment.GetEnvironmentVariable("LMS_LIVE") ?? "http://127.0.0.1:5106");

    [Theory]
    [InlineData("on-publish")]
    [InlineData("on-publish-done")]
    [InlineData("on-record-done")]
    [InlineData("playback")]
    public async Task Streaming_callbacks_are_not_found_through_the_gateway_even_with_the_installations_secret(string callback)
    {
        using var client = RunningPlatform.NewClient();
        var secret = await File.ReadAllTextAsync(Path.Combine(Secrets, "live-callback"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/live/v1/streams/{callback}?secret={Uri.EscapeDataString(secret)}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = $"{Guid.CreateVersion7():N}", ["call"] = "publish" }),
        };
        request.Headers.Add("X-Lms-Stream-Secret", secret);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lms-local-live-callback-secret")]
    public async Task The_internal_listener_refuses_a_caller_without_the_installations_own_secret(string secret)
    {
        using var client = new HttpClient { BaseAddress = LiveInternal };

        using var response = await client.PostAsync($"/live/v1/streams/on-publish-done?secret={Uri.EscapeDataString(secret)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = $"{Guid.CreateVersion7():N}", ["call"] = "publish_done" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("stream-callback", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_installations_secrets_are_its_own_and_appear_in_no_log()
    {
        var callback = await File.ReadAllTextAsync(Path.Combine(Secrets, "live-callback"));
        var playback = await File.ReadAllTextAsync(Path.Combine(Secrets, "live-playback"));
        var logs = Directory.GetFiles(RunningPlatform.LogDirectory, "*.log");

        Assert.True(callback.Length >= 32 && playback.Length >= 32 && callback != playback);
        Assert.NotEmpty(logs);
        foreach (var log in logs)
        {
            var text = await ReadSharedAsync(log);
            Assert.False(text.Contains(callback, StringComparison.Ordinal), $"{Path.GetFileName(log)} contains the callback secret");
            Assert.False(text.Contains(playback, StringComparison.Ordinal), $"{Path.GetFileName(log)} contains the playback secret");
        }
    }

    [Fact]
    public async Task A_cookie_signed_websocket_upgrade_from_a_foreign_page_is_refused_through_the_gateway_and_directly()
    {
        using var client = RunningPlatform.NewClient();
        var learner = await Person.JoinAsync(client, $"ws.{Guid.NewGuid():N}@example.com", "웹소켓");

        var throughGateway = await UpgradeAsync(RunningPlatform.Gateway, learner.AccessToken, "https://evil.example");
        var direct = await UpgradeAsync(LiveDirect, learner.AccessToken, "https://evil.example");
        var fromTheWebApp = await UpgradeAsync(RunningPlatform.Gateway, learner.AccessToken, RunningPlatform.WebAppOrigin);
        var fromTheGatewaysOwnPages = await UpgradeAsync(RunningPlatform.Gateway, learner.AccessToken, RunningPlatform.Gateway.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.Forbidden, throughGateway);
        Assert.Equal(HttpStatusCode.Forbidden, direct);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, fromTheWebApp);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, fromTheGatewaysOwnPages);
    }

    [Fact]
    public async Task A_page_of_the_web_app_on_another_origin_can_read_Location_and_Retry_After()
    {
        using var client = RunningPlatform.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/institution/v1/catalog");
        request.Headers.Add("Origin", RunningPlatform.WebAppOrigin);

        using var response = await client.SendAsync(request);

        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("Location", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Retry-After", exposed, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpStatusCode> UpgradeAsync(Uri server, string accessToken, string origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.SetRequestHeader("Cookie", $"lms_access={accessToken}");
        var address = new UriBuilder(new Uri(server, "/live/hubs/classroom")) { Scheme = server.Scheme == "https" ? "wss" : "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(address, CancellationToken.None);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return HttpStatusCode.SwitchingProtocols;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
