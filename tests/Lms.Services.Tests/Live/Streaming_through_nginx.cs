using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using Lms.Live.Data;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Live;

/// <summary>
/// End to end with the real servers: nginx-rtmp configured by scripts/infra.sh (on private ports), calling back a live
/// service that listens on a real port, and ffmpeg publishing a test pattern.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Streaming_through_nginx(Platform platform) : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"lms-nginx-{Guid.NewGuid():N}");
    private readonly int rtmpPort = FreePort();
    private readonly int hlsPort = FreePort();
    private readonly int livePort = FreePort();
    private readonly int controlPort = FreePort();
    private ServiceHost<LiveDbContext> live = null!;
    private Process nginx = null!;

    public async Task InitializeAsync()
    {
        live = await ServiceHost<LiveDbContext>.StartAsync("live", new Dictionary<string, string>
        {
            ["Live:Streaming:Local:CallbackSecret"] = Platform.LiveCallbackSecret,
            ["Live:Streaming:Local:PlaybackSecret"] = Platform.LivePlaybackSecret,
            ["Live:Streaming:Local:IngestUrl"] = $"rtmp://127.0.0.1:{rtmpPort}/live",
            ["Live:Streaming:Local:PlaybackBaseUrl"] = $"http://127.0.0.1:{hlsPort}/hls",
            ["Live:Streaming:Local:ControlUrl"] = $"http://127.0.0.1:{controlPort}/control",
            ["Live:Streaming:Local:HlsDirectory"] = Path.Combine(root, "hls"),
            // The test host listens on one port, which is then the internal one nginx calls back on.
            ["Live:InternalUrl"] = $"http://127.0.0.1:{livePort}",
            ["Live:Streaming:EndedPlaylistGrace"] = "00:00:08",
            ["Live:Recording:Directory"] = Path.Combine(root, "recordings"),
            ["Live:Recording:PollInterval"] = "00:00:01",
            ["Storage:ServiceUrl"] = TestServers.S3, ["Storage:Bucket"] = "lms-content", ["Storage:AccessKey"] = "S3RVER", ["Storage:SecretKey"] = "S3RVER",
        }, kestrelPort: livePort);

        foreach (var dir in new[] { "run", "logs", "hls", "recordings", "nginx/temp" })
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }
        // The configuration ./lms writes, with this test's ports, folders, secrets and live service address.
        var script = $$"""
            source scripts/lib.sh; source scripts/infra.sh; source scripts/services.sh
            LMS_RUN={{root}}/run; LMS_LOGS={{root}}/logs; NGINX_DIR={{root}}/nginx; HLS_DIR={{root}}/hls; RECORDINGS_DIR={{root}}/recordings; RTMP_PORT={{rtmpPort}}; HLS_PORT={{hlsPort}}
            NGINX_CONTROL_PORT={{controlPort}}; LIVE_INTERNAL_PORT={{livePort}}; SECRETS_DIR={{root}}/secrets
            LMS_LIVE_CALLBACK_SECRET={{Platform.LiveCallbackSecret}}; LMS_LIVE_PLAYBACK_SECRET={{Platform.LivePlaybackSecret}}
            nginx_write_conf
            """;
        await RunAsync("bash", ["-c", script], RepoRoot());
        nginx = Process.Start(new ProcessStartInfo("nginx", ["-p", $"{root}/nginx/", "-e", $"{root}/logs/error.log", "-c", $"{root}/nginx/nginx.conf"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{hlsPort}/health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(15), "nginx answers");
    }

    public async Task DisposeAsync()
    {
        if (!nginx.HasExited)
        {
            nginx.Kill();
            await nginx.WaitForExitAsync();
        }
        nginx.Dispose();
        await live.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task A_published_test_pattern_goes_live_plays_only_with_a_signed_url_without_the_key_ends_when_stopped_and_its_recording_becomes_a_ready_video()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var manager = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);
        var learner = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.Employee, null, "company", c.Learner.UserId);
        // Scheduled through this instance, so the session's ingest and playback addresses are this test's nginx.
        var start = DateTimeOffset.UtcNow;
        var id = (await (await manager.PostAsync("/live/v1/sessions",
                new { courseProvideId = c.ProvisionId, title = "송출 테스트", scheduledStart = start, scheduledEnd = start.AddHours(1) }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var broadcast = await (await manager.GetAsync($"/live/v1/sessions/{id}/broadcast")).Content.ReadFromJsonAsync<JsonElement>();
        var ingest = broadcast.GetProperty("ingestUrl").GetString()!;
        var key = broadcast.GetProperty("streamKey").GetString()!;

        using var wrong = Publish($"{ingest}/lk_not-the-key", seconds: 5);
        await wrong.WaitForExitAsync();
        using var ffmpeg = Publish($"{ingest}/{key}", seconds: 60);
        await Eventually.TrueAsync(async () => await StateAsync(learner, id) == "LIVE", TimeSpan.FromSeconds(20), "the session is live");
        var playback = (await (await learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("playbackUrl").GetString()!;
        using var http = new HttpClient();
        var playlist = await Eventually.GetAsync(async () =>
        {
            var response = await http.GetAsync(playback);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync()
                : $"{(int)response.StatusCode} at {playback}; files: {string.Join(",", Directory.GetFiles(Path.Combine(root, "hls")).Select(Path.GetFileName))}";
        }, text => text.StartsWith("#EXTM3U", StringComparison.Ordinal) && text.Contains(".ts", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the playlist has segments");
        var segment = playlist!.Split('\n').First(line => line.EndsWith(".ts", StringComparison.Ordinal));
        var segmentResponse = await http.GetAsync(new Uri(new Uri(playback), segment));
        var unsigned = await http.GetAsync($"http://127.0.0.1:{hlsPort}/hls/{id:N}.m3u8");
        var forged = await http.GetAsync(playback.Replace($"/{id:N}.m3u8", $"/{Guid.CreateVersion7():N}.m3u8", StringComparison.Ordinal));
        ffmpeg.Kill();
        await ffmpeg.WaitForExitAsync();

        Assert.NotEqual(0, wrong.ExitCode);
        Assert.DoesNotContain(key, playlist, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, segmentResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        await Eventually.TrueAsync(async () => await StateAsync(learner, id) == "ENDED", TimeSpan.FromSeconds(20), "the session ended with the stream");

        // nginx recorded the stream; the live service remuxed it, the content service measured and registered it.
        var fileId = (await Recording_a_session.RecordingAsync(manager, id, "READY")).GetProperty("fileId").GetGuid();
        var contentManager = Caller.As(platform.Content.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution",
            c.Manager.UserId);
        var file = await (await contentManager.GetAsync($"/content/v1/files/{fileId}")).Content.ReadFromJsonAsync<JsonElement>();
        var url = (await (await contentManager.GetAsync($"/content/v1/files/{fileId}/url")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("url").GetString()!;
        var mp4 = await http.GetByteArrayAsync(url);
        Assert.Equal("READY", file.GetProperty("state").GetString());
        Assert.True(file.GetProperty("durationSeconds").GetInt32() > 0, file.ToString());
        Assert.Equal("ftyp"u8.ToArray(), mp4[4..8]);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "recordings")));
    }

    [Fact]
    public async Task Nothing_plays_over_RTMP_links_name_their_viewer_and_ending_the_session_stops_the_stream_closes_the_list_and_the_link()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var manager = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);
        var learner = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.Employee, null, "company", c.Learner.UserId);
        var start = DateTimeOffset.UtcNow;
        var id = (await (await manager.PostAsync("/live/v1/sessions",
                new { courseProvideId = c.ProvisionId, title = "비공개 강의", scheduledStart = start, scheduledEnd = start.AddHours(1) }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var broadcast = await (await manager.GetAsync($"/live/v1/sessions/{id}/broadcast")).Content.ReadFromJsonAsync<JsonElement>();
        var key = broadcast.GetProperty("streamKey").GetString()!;
        using var ffmpeg = Publish($"{broadcast.GetProperty("ingestUrl").GetString()}/{key}", seconds: 120);
        await Eventually.TrueAsync(async () => await StateAsync(learner, id) == "LIVE", TimeSpan.FromSeconds(20), "the session is live");
        var playback = (await (await learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("playbackUrl").GetString()!;
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () => (await http.GetAsync(playback)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the learner's link plays");

        // RTMP: neither the ingest application (under the public name or the key) nor the HLS feed plays.
        var plays = new List<int>();
        foreach (var source in new[] { $"live/{id:N}", $"live/{key}", $"hls/{id:N}" })
        {
            using var player = Process.Start(new ProcessStartInfo("ffmpeg", [
                "-hide_banner", "-loglevel", "error", "-rw_timeout", "5000000", "-i", $"rtmp://127.0.0.1:{rtmpPort}/{source}", "-t", "1", "-f", "null", "-",
            ]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await player.WaitForExitAsync(deadline.Token);
            plays.Add(player.ExitCode);
        }
        // The signature names the viewer: the same link claimed for the manager is refused.
        var claimed = await http.GetAsync(playback.Replace($"/{c.Learner.UserId:N}/", $"/{c.Manager.UserId:N}/", StringComparison.Ordinal));
        // Publishing straight into the HLS application (from this machine, under the public name) is refused, and neither
        // ends the session nor leaves a recording.
        using (var intruder = Publish($"rtmp://127.0.0.1:{rtmpPort}/hls/{id:N}", seconds: 3))
        {
            await intruder.WaitForExitAsync();
            Assert.NotEqual(0, intruder.ExitCode);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.All(plays, code => Assert.NotEqual(0, code));
        Assert.Equal(HttpStatusCode.Forbidden, claimed.StatusCode);
        Assert.Equal("LIVE", await StateAsync(learner, id));
        Assert.False(await platform.Live.WithDbAsync(db => db.Recordings.AnyAsync(r => r.SessionId == id)));

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/live/v1/sessions/{id}/end", null)).StatusCode);
        using (var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await ffmpeg.WaitForExitAsync(stopped.Token);
        }
        var final = await Eventually.GetAsync(async () => await (await http.GetAsync(playback)).Content.ReadAsStringAsync(),
            text => text.TrimEnd().EndsWith("#EXT-X-ENDLIST", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the final playlist is closed");
        await Eventually.TrueAsync(async () => (await http.GetAsync(playback)).StatusCode == HttpStatusCode.Forbidden, TimeSpan.FromSeconds(15),
            "the link is refused once the ended session's grace is over");

        Assert.Contains(".ts", final, StringComparison.Ordinal);
        Assert.Null((await (await learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("playbackUrl").GetString());
        // No stream key and no shared secret in nginx's logs after the whole publish → play → end cycle.
        var logs = string.Concat(Directory.GetFiles(Path.Combine(root, "logs")).Select(File.ReadAllText));
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(key, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Platform.LiveCallbackSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Platform.LivePlaybackSecret, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_who_loses_access_is_refused_at_the_next_playlist()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var manager = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);
        var learner = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.Employee, null, "company", c.Learner.UserId);
        var start = DateTimeOffset.UtcNow;
        var id = (await (await manager.PostAsync("/live/v1/sessions",
                new { courseProvideId = c.ProvisionId, title = "퇴사자 차단", scheduledStart = start, scheduledEnd = start.AddHours(1) }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var broadcast = await (await manager.GetAsync($"/live/v1/sessions/{id}/broadcast")).Content.ReadFromJsonAsync<JsonElement>();
        using var ffmpeg = Publish($"{broadcast.GetProperty("ingestUrl").GetString()}/{broadcast.GetProperty("streamKey").GetString()}", seconds: 60);
        await Eventually.TrueAsync(async () => await StateAsync(learner, id) == "LIVE", TimeSpan.FromSeconds(20), "the session is live");
        var playback = (await (await learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("playbackUrl").GetString()!;
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () => (await http.GetAsync(playback)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the learner's link plays");

        await LiveScenarios.CancelEnrollmentAsync(platform, c, c.Learner);
        var refused = await http.GetAsync(playback);
        ffmpeg.Kill();
        await ffmpeg.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_browser_broadcast_relayed_by_the_service_goes_live_without_the_key_plays_and_ends_when_the_browser_stops()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var manager = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);
        var learner = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.Employee, null, "company", c.Learner.UserId);
        var start = DateTimeOffset.UtcNow;
        var id = (await (await manager.PostAsync("/live/v1/sessions",
                new { courseProvideId = c.ProvisionId, title = "브라우저 송출", scheduledStart = start, scheduledEnd = start.AddHours(1) }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var key = (await (await manager.GetAsync($"/live/v1/sessions/{id}/broadcast")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("streamKey").GetString()!;

        // What a browser's MediaRecorder sends: WebM (VP8 and Opus) in small pieces, as it is made.
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {manager.Token}");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{livePort}/live/v1/sessions/{id}/broadcast/relay"), CancellationToken.None);
        using var camera = Process.Start(new ProcessStartInfo("ffmpeg", [
            "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", "60", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "400k", "-c:a", "libopus", "-f", "webm", "-live", "1", "pipe:1",
        ]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var stopSending = new CancellationTokenSource();
        var sending = SendAsync(camera.StandardOutput.BaseStream, socket, stopSending.Token);
        var relays = live.Services.GetRequiredService<Lms.Live.Broadcasting.BroadcastRelays>();
        var relay = relays.ProcessId(id);

        await Eventually.TrueAsync(async () => await StateAsync(learner, id) == "LIVE", TimeSpan.FromSeconds(30), "the browser broadcast is live");
        var playback = (await (await learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("playbackUrl").GetString()!;
        using var http = new HttpClient();
        var playlist = await Eventually.GetAsync(async () =>
        {
            var response = await http.GetAsync(playback);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : $"{(int)response.StatusCode}";
        }, text => text.StartsWith("#EXTM3U", StringComparison.Ordinal) && text.Contains(".ts", StringComparison.Ordinal), TimeSpan.FromSeconds(30),
            "the learner's playlist has segments");

        await stopSending.CancelAsync();
        await sending;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "stopped by the lecturer", CancellationToken.None);
        camera.Kill();

        Assert.NotNull(relay);
        Assert.DoesNotContain(key, playlist, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        await Eventually.TrueAsync(() => Task.FromResult(BroadcastSockets.Exited(relay!.Value) && !relays.IsRunning(id)), TimeSpan.FromSeconds(15),
            "the relay's ffmpeg stopped with the socket");
        await Eventually.TrueAsync(async () => await StateAsync(learner, id) == "ENDED", TimeSpan.FromSeconds(20), "the session ended with the stream");
    }

    [Fact]
    public async Task Ending_the_session_stops_a_browser_broadcast_and_tells_the_browser_why()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var manager = Caller.As(live.Client, Lms.ServiceDefaults.Security.Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);
        var start = DateTimeOffset.UtcNow;
        var id = (await (await manager.PostAsync("/live/v1/sessions",
                new { courseProvideId = c.ProvisionId, title = "종료 알림", scheduledStart = start, scheduledEnd = start.AddHours(1) }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {manager.Token}");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{livePort}/live/v1/sessions/{id}/broadcast/relay"), CancellationToken.None);
        using var camera = Process.Start(new ProcessStartInfo("ffmpeg", [
            "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15",
            "-t", "60", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-f", "webm", "-live", "1", "pipe:1",
        ]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var stopSending = new CancellationTokenSource();
        var sending = SendAsync(camera.StandardOutput.BaseStream, socket, stopSending.Token);
        await Eventually.TrueAsync(async () => await StateAsync(manager, id) == "LIVE", TimeSpan.FromSeconds(30), "the browser broadcast is live");

        (await manager.PostAsync($"/live/v1/sessions/{id}/end")).EnsureSuccessStatusCode();
        var (status, reason) = await BroadcastSockets.ClosedWithAsync(socket, TimeSpan.FromSeconds(20));
        await stopSending.CancelAsync();
        await sending;
        camera.Kill();

        Assert.Equal(4409, status);
        Assert.Equal("The session has ended.", reason);
    }

    /// <summary>Sends what the encoder writes, piece by piece as binary messages, until told to stop or the socket closes.</summary>
    private static async Task SendAsync(Stream encoded, WebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open && await encoded.ReadAsync(buffer, stop) is var read and > 0)
            {
                await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, endOfMessage: true, stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The test stopped sending, or the service closed the socket.
        }
    }

    private static Process Publish(string url, int seconds) =>
        Process.Start(new ProcessStartInfo("ffmpeg", [
            "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30", "-f", "flv", url,
        ])
        { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true })!;

    private static async Task<string?> StateAsync(Caller caller, Guid id) =>
        (await (await caller.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString();

    private static async Task RunAsync(string file, string[] args, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = directory, RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {errors}");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Microservices.sln) was not found.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
