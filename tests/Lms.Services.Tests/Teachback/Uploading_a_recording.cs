using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Teachback;

/// <summary>Teach-back recordings through the content service: any signed-in user, audio only, measured, at most 10 minutes.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Uploading_a_recording(Platform platform)
{
    private static readonly HttpClient Storage = new();

    [Fact]
    public async Task A_learners_recording_is_measured_and_the_student_service_knows_it_is_theirs()
    {
        var learner = Caller.As(platform.Content.Client, Roles.Employee, Guid.CreateVersion7(), "company");
        var wav = await MakeWavAsync(seconds: 3);

        var (status, body) = await UploadAsync(learner, "설명.wav", "audio/wav", wav);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body.GetProperty("durationSeconds").GetInt32());
        var fileId = body.GetProperty("fileId").GetGuid();
        var known = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db => db.TeachbackAudio.AsNoTracking().SingleOrDefaultAsync(a => a.FileId == fileId)),
            a => a is not null, TimeSpan.FromSeconds(30), "the student service learns the recording");
        Assert.Equal(learner.UserId, known!.UploaderId);
        Assert.StartsWith($"teachback-audio/{learner.UserId}/", known.StorageKey, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/content/v1/files/{fileId}")).StatusCode);
        await (await Caller.As(platform.Content.Client, Roles.Employee).GetAsync($"/content/v1/files/{fileId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_recording_over_10_minutes_is_a_422_and_is_not_kept()
    {
        var learner = Caller.Visitor(platform.Content.Client);
        var wav = await MakeWavAsync(seconds: 605, sampleRate: 2000);

        var (status, body) = await UploadAsync(learner, "긴 설명.wav", "audio/wav", wav);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.EndsWith("recording-too-long", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(await platform.Content.WithDbAsync(db => db.Files.AnyAsync(f => f.UploaderId == learner.UserId)));
    }

    [Fact]
    public async Task A_file_that_holds_no_audio_is_a_422()
    {
        var learner = Caller.Visitor(platform.Content.Client);
        var noise = new byte[4000];
        Random.Shared.NextBytes(noise);

        var (status, body) = await UploadAsync(learner, "가짜.wav", "audio/wav", noise);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.EndsWith("not-audio", body.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_recording_types_up_to_50_MiB_and_no_course_are_accepted()
    {
        var learner = Caller.Visitor(platform.Content.Client);

        await (await learner.PostAsync("/content/v1/uploads", new { fileName = "a.mp4", size = 100, contentType = "video/mp4", purpose = "teachback-audio" }))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await learner.PostAsync("/content/v1/uploads", new { fileName = "a.ogg", size = 51L * 1024 * 1024, contentType = "audio/ogg", purpose = "teachback-audio" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await learner.PostAsync("/content/v1/uploads", new { fileName = "a.ogg", size = 100, contentType = "audio/ogg", purpose = "teachback-audio", courseId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await learner.PostAsync("/content/v1/uploads",
            new { fileName = "a.ogg", size = 100, contentType = "audio/ogg", purpose = "teachback-audio" })).StatusCode);
        await (await learner.PostAsync("/content/v1/uploads", new { fileName = "a.mp4", size = 100, contentType = "video/mp4", purpose = "course-content", courseId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(Caller caller, string fileName, string contentType, byte[] bytes)
    {
        var started = await caller.PostAsync("/content/v1/uploads", new { fileName, size = bytes.Length, contentType, purpose = "teachback-audio" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var upload = await started.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, upload.GetProperty("parts").GetArrayLength());
        using var put = await Storage.PutAsync(upload.GetProperty("parts")[0].GetProperty("url").GetString()!, new ByteArrayContent(bytes));
        put.EnsureSuccessStatusCode();
        var completed = await caller.PostAsync($"/content/v1/uploads/{upload.GetProperty("uploadId").GetGuid()}/complete",
            new { parts = new[] { new { partNumber = 1, etag = put.Headers.ETag!.Tag } } });
        return (completed.StatusCode, await completed.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<byte[]> MakeWavAsync(int seconds, int sampleRate = 8000)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lms-teachback-{Guid.NewGuid():N}.wav");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-v", "error", "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}", "-ar", $"{sampleRate}", "-ac", "1", "-c:a", "pcm_u8", "-y", path]))!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        return bytes;
    }
}
