using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lms.Live.Sessions;
using Lms.Live.Streaming;
using Lms.Live.Streaming.Ivs;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lms.Services.Tests.Live;

/// <summary>The IVS provider against a fake IVS: what it sends (signed as AWS requires) and how it reads the answers.</summary>
public sealed class Ivs_provider : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 15, 30, TimeSpan.Zero);
    private const string ChannelArn = "arn:aws:ivs:ap-northeast-2:123456789012:channel/AbCdEf123456";
    private const string KeyArn = "arn:aws:ivs:ap-northeast-2:123456789012:stream-key/KeY123";

    private readonly ECDsa playbackKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly FakeIvs fake = new();
    private readonly IOptions<StreamingOptions> options;

    public Ivs_provider()
    {
        options = Options.Create(new StreamingOptions
        {
            Provider = "Ivs",
            Ivs = new IvsOptions
            {
                Region = "ap-northeast-2", AccessKey = "AKIDEXAMPLE", SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLE",
                PlaybackPrivateKeyPem = playbackKey.ExportPkcs8PrivateKeyPem(), EventsApiKey = "events-key-0123456789",
            },
        });
    }

    public void Dispose()
    {
        playbackKey.Dispose();
        fake.Dispose();
    }

    private IvsStreaming Provider() =>
        new(new IvsClient(new HttpClient(fake), options, new FakeTimeProvider(Now)), new IvsPlaybackSigner(options, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://lms.example.com/" }).Build()));

    [Fact]
    public void The_canonical_request_and_signature_match_the_AWS_SigV4_test_suite()
    {
        // "get-vanilla" from the AWS Signature Version 4 test suite.
        var canonical = SigV4.CanonicalRequest("GET", "/", "", new Dictionary<string, string>
        {
            ["Host"] = "example.amazonaws.com", ["X-Amz-Date"] = "20150830T123600Z",
        }, Convert.ToHexStringLower(SHA256.HashData([])));

        var signature = Amazon.Runtime.Internal.Auth.AWS4Signer.ComputeSignature("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLE", "us-east-1",
            new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc), "service", "host;x-amz-date", canonical);

        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonical);
        Assert.Equal(Independent.Signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLE", "20150830T123600Z", "us-east-1", "service", canonical),
            signature.Signature);
    }

    [Fact]
    public async Task Creating_a_channel_posts_a_signed_private_low_latency_request_and_reads_channel_and_key()
    {
        var sessionId = Guid.CreateVersion7();
        fake.Answer("CreateChannel", HttpStatusCode.OK, $$$"""
            {"channel":{"arn":"{{{ChannelArn}}}","name":"lms-{{{sessionId:N}}}","latencyMode":"LOW","type":"STANDARD","authorized":true,
              "ingestEndpoint":"a1b2c3.global-contribute.live-video.net","playbackUrl":"https://a1b2c3.ap-northeast-2.playback.live-video.net/api/video/v1/x.m3u8",
              "recordingConfigurationArn":"","tags":{}},
             "streamKey":{"arn":"{{{KeyArn}}}","value":"sk_ap-northeast-2_secret","channelArn":"{{{ChannelArn}}}","tags":{} } }
            """);

        var channel = await Provider().CreateChannelAsync(sessionId, CancellationToken.None);

        var sent = Assert.Single(fake.Received);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://ivs.ap-northeast-2.amazonaws.com/CreateChannel", sent.Uri.ToString());
        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal($"lms-{sessionId:N}", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("LOW", body.RootElement.GetProperty("latencyMode").GetString());
        Assert.True(body.RootElement.GetProperty("authorized").GetBoolean());
        Assert.Equal("20261130T091530Z", sent.Headers["X-Amz-Date"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sent.Body))), sent.Headers["X-Amz-Content-Sha256"]);
        var authorization = sent.Headers["Authorization"];
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/ap-northeast-2/ivs/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=", authorization);
        Assert.Equal(Independent.Signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLE", "20261130T091530Z", "ap-northeast-2", "ivs",
            Independent.CanonicalRequest(sent)), authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)..]);

        Assert.Equal(ChannelArn, channel.ChannelId);
        Assert.Equal("rtmps://a1b2c3.global-contribute.live-video.net:443/app/", channel.IngestUrl);
        Assert.Equal(new StreamKeyGrant("sk_ap-northeast-2_secret", KeyArn), channel.Key);
    }

    [Fact]
    public async Task Replacing_the_key_deletes_the_old_one_before_creating_the_new_one()
    {
        fake.Answer("DeleteStreamKey", HttpStatusCode.NoContent, "");
        fake.Answer("CreateStreamKey", HttpStatusCode.OK, $$$"""{"streamKey":{"arn":"{{{KeyArn}}}-2","value":"sk_new","channelArn":"{{{ChannelArn}}}"}}""");

        var key = await Provider().ReplaceKeyAsync(Session(), CancellationToken.None);

        Assert.Equal(["DeleteStreamKey", "CreateStreamKey"], fake.Received.Select(r => r.Uri.AbsolutePath.TrimStart('/')));
        Assert.Equal(KeyArn, JsonDocument.Parse(fake.Received[0].Body).RootElement.GetProperty("arn").GetString());
        Assert.Equal(ChannelArn, JsonDocument.Parse(fake.Received[1].Body).RootElement.GetProperty("channelArn").GetString());
        Assert.Equal(new StreamKeyGrant("sk_new", KeyArn + "-2"), key);
    }

    [Fact]
    public async Task Get_channel_and_get_stream_key_read_the_documented_shapes()
    {
        fake.Answer("GetChannel", HttpStatusCode.OK, $$$"""{"channel":{"arn":"{{{ChannelArn}}}","latencyMode":"LOW","authorized":true,"ingestEndpoint":"i.example","playbackUrl":"https://p.example/x.m3u8"}}""");
        fake.Answer("GetStreamKey", HttpStatusCode.OK, $$$"""{"streamKey":{"arn":"{{{KeyArn}}}","value":"sk_value","channelArn":"{{{ChannelArn}}}"}}""");
        var client = new IvsClient(new HttpClient(fake), options, new FakeTimeProvider(Now));

        var channel = await client.GetChannelAsync(ChannelArn, CancellationToken.None);
        var key = await client.GetStreamKeyAsync(KeyArn, CancellationToken.None);

        Assert.True(channel.Channel.Authorized);
        Assert.Equal("https://p.example/x.m3u8", channel.Channel.PlaybackUrl);
        Assert.Equal("sk_value", key.StreamKey.Value);
        Assert.Equal(ChannelArn, JsonDocument.Parse(fake.Received[0].Body).RootElement.GetProperty("arn").GetString());
    }

    [Fact]
    public async Task Stopping_a_stream_that_is_not_broadcasting_is_not_an_error_but_other_failures_are()
    {
        fake.Answer("StopStream", HttpStatusCode.NotFound, """{"exceptionMessage":"offline"}""", "ChannelNotBroadcasting:http://internal.amazon.com/coral/com.amazonaws.ivs/");
        fake.Answer("DeleteChannel", HttpStatusCode.Conflict, """{"exceptionMessage":"live"}""", "ConflictException");

        await Provider().StopAsync(Session(), CancellationToken.None);
        var failure = await Assert.ThrowsAsync<StreamingUnavailableException>(() => Provider().DeleteChannelAsync(Session(), CancellationToken.None));

        Assert.Equal(ChannelArn, JsonDocument.Parse(fake.Received[0].Body).RootElement.GetProperty("channelArn").GetString());
        Assert.Contains("ConflictException", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_playback_url_carries_an_ES384_token_for_this_channel_viewer_and_web_origin_that_expires()
    {
        var expires = Now.AddMinutes(15);

        var url = Provider().PlaybackUrl(Session(), Guid.Parse("0193a000-0000-7000-8000-000000000001"), expires);

        Assert.StartsWith("https://p.example/x.m3u8?token=", url);
        var parts = url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..].Split('.');
        using var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0]));
        using var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1]));
        Assert.Equal("ES384", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(ChannelArn, claims.RootElement.GetProperty("aws:channel-arn").GetString());
        Assert.Equal(expires.ToUnixTimeSeconds(), claims.RootElement.GetProperty("exp").GetInt64());
        Assert.Equal("0193a000-0000-7000-8000-000000000001", claims.RootElement.GetProperty("aws:viewer-id").GetString());
        Assert.Equal("https://lms.example.com", claims.RootElement.GetProperty("aws:access-control-allow-origin").GetString());
        Assert.True(playbackKey.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), WebEncoders.Base64UrlDecode(parts[2]), HashAlgorithmName.SHA384));
    }

    private static LiveSession Session()
    {
        var session = LiveSession.Schedule(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "IVS", Now, Now.AddHours(1), Now);
        session.AttachChannel(new StreamChannel(ChannelArn, "rtmps://i.example:443/app/", new StreamKeyGrant("sk", KeyArn), "https://p.example/x.m3u8"));
        return session;
    }

    /// <summary>SigV4 computed here from the specification, independently of AWSSDK.Core.</summary>
    private static class Independent
    {
        public static string Signature(string secret, string amzDate, string region, string service, string canonicalRequest)
        {
            var date = amzDate[..8];
            var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{date}/{region}/{service}/aws4_request\n" +
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
            var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date), region), service), "aws4_request");
            return Convert.ToHexStringLower(Hmac(key, stringToSign));
        }

        public static string CanonicalRequest(FakeIvs.Request sent) =>
            $"POST\n{sent.Uri.AbsolutePath}\n\ncontent-type:{sent.Headers["Content-Type"]}\nhost:{sent.Uri.Host}\n" +
            $"x-amz-content-sha256:{sent.Headers["X-Amz-Content-Sha256"]}\nx-amz-date:{sent.Headers["X-Amz-Date"]}\n\n" +
            $"content-type;host;x-amz-content-sha256;x-amz-date\n{sent.Headers["X-Amz-Content-Sha256"]}";

        private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
    }
}

/// <summary>Answers each IVS operation with a canned response and keeps what was sent.</summary>
public sealed class FakeIvs : HttpMessageHandler
{
    public sealed record Request(HttpMethod Method, Uri Uri, string Body, IReadOnlyDictionary<string, string> Headers);

    private readonly Dictionary<string, (HttpStatusCode Status, string Body, string? ErrorType)> answers = [];

    public List<Request> Received { get; } = [];

    public void Answer(string operation, HttpStatusCode status, string body, string? errorType = null) => answers[operation] = (status, body, errorType);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Received.Add(new Request(request.Method, request.RequestUri!, body, headers));
        var (status, answer, errorType) = answers[request.RequestUri!.AbsolutePath.TrimStart('/')];
        var response = new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        if (errorType is not null)
        {
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", errorType);
        }
        return response;
    }
}
