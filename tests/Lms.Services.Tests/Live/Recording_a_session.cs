using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Live;

/// <summary>
/// nginx-rtmp's <c>on_record_done</c>, played by the test with files it writes where nginx would (the end-to-end run
/// through the real nginx is in <see cref="Streaming_through_nginx"/>).
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Recording_a_session(Platform platform)
{
    [Fact]
    public async Task A_recorded_session_becomes_a_ready_video_of_the_institution_with_its_measured_duration()
    {
        var (c, id) = await EndedSessionAsync();
        var flv = Path.Combine(Platform.LiveRecordingsDirectory, $"{id:N}-1764540000.flv");
        await RecordTestPatternAsync(flv, seconds: 3);

        using var done = await RecordDoneAsync(platform, $"{id:N}", flv);
        var recording = await RecordingAsync(c.Manager, id, "READY");
        var fileId = recording.GetProperty("fileId").GetGuid();
        var contentManager = Caller.As(platform.Content.Client, Roles.InstitutionManager, c.InstitutionId, "institution", c.Manager.UserId);
        var file = await Eventually.GetAsync(async () =>
        {
            var response = await contentManager.GetAsync($"/content/v1/files/{fileId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, f => f.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(20), "the content service shows the file to the institution's manager");
        var learnerView = await (await c.Learner.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var outsider = Caller.As(platform.Content.Client, Roles.InstitutionManager, Guid.CreateVersion7(), "institution", c.OtherManager.UserId);

        Assert.Equal(HttpStatusCode.Accepted, done.StatusCode);
        Assert.Equal("READY", file.GetProperty("state").GetString());
        Assert.Equal("video/mp4", file.GetProperty("contentType").GetString());
        Assert.Equal("녹화될 강의.mp4", file.GetProperty("fileName").GetString());
        Assert.InRange(file.GetProperty("durationSeconds").GetInt32(), 2, 4);
        Assert.Equal(JsonValueKind.Null, learnerView.GetProperty("recording").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/content/v1/files/{fileId}")).StatusCode);
        // Stored in the bucket, the local copies are gone.
        Assert.False(File.Exists(flv));
        Assert.False(File.Exists(Path.ChangeExtension(flv, ".mp4")));
    }

    [Fact]
    public async Task A_recording_ffmpeg_cannot_read_fails_with_the_reason_and_the_service_carries_on()
    {
        var (c, id) = await EndedSessionAsync();
        var flv = Path.Combine(Platform.LiveRecordingsDirectory, $"{id:N}-1764540001.flv");
        await File.WriteAllBytesAsync(flv, [0x00, 0x01, 0x02, 0x03, .. "not a flash video"u8]);

        using var done = await RecordDoneAsync(platform, $"{id:N}", flv);
        var recording = await RecordingAsync(c.Manager, id, "FAILED");
        var health = await platform.Live.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.Accepted, done.StatusCode);
        Assert.Equal(JsonValueKind.Null, recording.GetProperty("fileId").ValueKind);
        Assert.Contains("ffmpeg", recording.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // Kept for an operator to look at.
        Assert.True(File.Exists(flv));
    }

    [Fact]
    public async Task Only_nginx_may_report_a_recording_and_only_the_streams_own_flv_file_inside_the_recordings_folder()
    {
        var (c, id) = await EndedSessionAsync();
        var inside = Path.Combine(Platform.LiveRecordingsDirectory, $"{id:N}-1764540002.flv");

        using var wrongSecret = await RecordDoneAsync(platform, $"{id:N}", inside, secret: "not-the-callback-secret");
        using var outside = await RecordDoneAsync(platform, $"{id:N}", "/etc/passwd");
        using var climbing = await RecordDoneAsync(platform, $"{id:N}", Path.Combine(Platform.LiveRecordingsDirectory, "..", "elsewhere.flv"));
        using var notFlv = await RecordDoneAsync(platform, $"{id:N}", Path.Combine(Platform.LiveRecordingsDirectory, $"{id:N}.mp4"));
        using var unknown = await RecordDoneAsync(platform, $"{Guid.CreateVersion7():N}", inside);
        // Another tenant's session cannot claim this file, nor this session another's.
        var (_, other) = await EndedSessionAsync();
        using var someoneElses = await RecordDoneAsync(platform, $"{other:N}", inside);
        var seen = await (await c.Manager.GetAsync($"/live/v1/sessions/{id}")).Content.ReadFromJsonAsync<JsonElement>();

        await wrongSecret.AssertProblemAsync(HttpStatusCode.Forbidden);
        await outside.AssertProblemAsync(HttpStatusCode.BadRequest);
        await climbing.AssertProblemAsync(HttpStatusCode.BadRequest);
        await notFlv.AssertProblemAsync(HttpStatusCode.BadRequest);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await someoneElses.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("recording").ValueKind);
    }

    private async Task<(LiveClass Class, Guid SessionId)> EndedSessionAsync()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c, "녹화될 강의")).GetProperty("id").GetGuid();
        await LiveScenarios.GoLiveAsync(platform, c, id);
        using var ended = await LiveScenarios.NginxCallsAsync(platform, "on-publish-done", $"{id:N}");
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        return (c, id);
    }

    /// <summary>The session's recording as its manager sees it, once it reached <paramref name="state"/>.</summary>
    internal static Task<JsonElement> RecordingAsync(Caller manager, Guid sessionId, string state) =>
        Eventually.GetAsync(async () =>
        {
            var session = await (await manager.GetAsync($"/live/v1/sessions/{sessionId}")).Content.ReadFromJsonAsync<JsonElement>();
            return session.TryGetProperty("recording", out var recording) ? recording : default;
        }, r => r.ValueKind == JsonValueKind.Object && r.GetProperty("state").GetString() == state, TimeSpan.FromSeconds(40),
            $"the recording is {state}");

    private static async Task<HttpResponseMessage> RecordDoneAsync(Platform platform, string name, string path, string secret = Platform.LiveCallbackSecret)
    {
        using var client = LiveScenarios.NginxClient(platform.Live);
        return await client.PostAsync($"/live/v1/streams/on-record-done?secret={Uri.EscapeDataString(secret)}", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["call"] = "record_done", ["app"] = "hls", ["name"] = name, ["recorder"] = "", ["path"] = path, ["addr"] = "127.0.0.1",
            }));
    }

    /// <summary>An FLV as nginx-rtmp records one: H.264 test pattern, no audio.</summary>
    private static async Task RecordTestPatternAsync(string path, int seconds)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15",
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-f", "flv", path,
        ]) { RedirectStandardError = true })!;
        var errors = await ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, errors);
    }
}
