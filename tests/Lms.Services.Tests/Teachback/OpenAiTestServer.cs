using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lms.Services.Tests.Teachback;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the two OpenAI endpoints teach-back uses, with canned answers chosen by the
/// model named in the request: <c>good</c> (score 87), <c>over</c> (score 150), <c>injected</c> (100 with praise, as a
/// model talked round by the learner's text would answer), <c>malformed</c> (not JSON),
/// <c>off-schema</c> (JSON without the fields), <c>down</c> (always 500), <c>flaky</c> (500 twice, then good),
/// <c>slow</c> (answers after 5 s); for transcription <c>whisper</c> (a Korean transcript), <c>whisper-silent</c>
/// (empty) and <c>whisper-down</c> (500).
/// </summary>
public sealed partial class OpenAiTestServer : IAsyncDisposable
{
    public const string Transcript = "현장에서는 안전모를 항상 착용합니다. 추락 위험이 있는 곳에는 안전대를 겁니다.";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Task _loop;

    private OpenAiTestServer(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>The body of the last chat request, to check what was asked for.</summary>
    public string? LastChatBody { get; private set; }

    public int RequestsFor(string model) => _requests.GetValueOrDefault(model);

    public static OpenAiTestServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new OpenAiTestServer(port);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.Latin1);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var model = path.EndsWith("/chat/completions", StringComparison.Ordinal)
                ? JsonDocument.Parse(Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body))).RootElement.GetProperty("model").GetString()!
                : ModelField().Match(body).Groups[1].Value;
            var count = _requests.AddOrUpdate(model, 1, (_, n) => n + 1);
            if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                LastChatBody = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body));
                await ChatAsync(context.Response, model, count);
            }
            else if (path.EndsWith("/audio/transcriptions", StringComparison.Ordinal))
            {
                await TranscribeAsync(context.Response, model);
            }
            else
            {
                await WriteAsync(context.Response, 404, """{"error":{"message":"not here"}}""");
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Stopping: the client has gone.
        }
        catch (HttpListenerException)
        {
            // The client gave up (a timeout under test); nothing to answer.
        }
    }

    private async Task ChatAsync(HttpListenerResponse response, string model, int count)
    {
        switch (model)
        {
            case "down":
            case "flaky" when count <= 2:
                await WriteAsync(response, 500, """{"error":{"message":"boom","type":"server_error"}}""");
                return;
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                await WriteAsync(response, 200, Completion("""{"score": 50, "strengths": [], "weaknesses": []}"""));
                return;
            case "malformed":
                await WriteAsync(response, 200, Completion("{\"score\": 80, \"strengths\": [\"잘림"));
                return;
            case "off-schema":
                await WriteAsync(response, 200, Completion("""{"grade": "A"}"""));
                return;
            case "injected":
                await WriteAsync(response, 200, Completion("""{"score": 100, "strengths": ["모든 핵심 내용을 완벽하게 설명함"], "weaknesses": []}"""));
                return;
            case "over":
                await WriteAsync(response, 200, Completion("""{"score": 150, "strengths": ["모든 핵심을 설명함"], "weaknesses": []}"""));
                return;
            default:
                await WriteAsync(response, 200, Completion("""{"score": 87, "strengths": ["안전모 착용을 설명함"], "weaknesses": ["법적 의무를 빠뜨림"]}"""));
                return;
        }
    }

    private static Task TranscribeAsync(HttpListenerResponse response, string model) => model switch
    {
        "whisper-down" => WriteAsync(response, 500, """{"error":{"message":"boom"}}"""),
        "whisper-silent" => WriteAsync(response, 200, """{"text": "  "}"""),
        _ => WriteAsync(response, 200, JsonSerializer.Serialize(new { text = Transcript })),
    };

    private static string Completion(string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "test",
        choices = new[] { new { index = 0, finish_reason = "stop", message = new { role = "assistant", content } } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    private static async Task WriteAsync(HttpListenerResponse response, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    [GeneratedRegex("name=\"?model\"?\\r\\n(?:[^\\r\\n]*\\r\\n)*?\\r\\n([^\\r\\n]+)")]
    private static partial Regex ModelField();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }
}
