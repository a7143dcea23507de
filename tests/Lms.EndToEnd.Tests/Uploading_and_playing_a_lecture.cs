using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Upload;

namespace Lms.EndToEnd.Tests;

public sealed class Uploading_and_playing_a_lecture
{
    [Fact]
    public async Task A_manager_uploads_a_video_with_the_uploader_and_only_the_enrolled_employee_can_play_it()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 1);
        var video = await TestVideos.MakeAsync(seconds: 4);
        // Big enough for two 5 MiB parts, so there is something to resume.
        Assert.True(new FileInfo(video).Length > 6 * 1024 * 1024, $"the test video is only {new FileInfo(video).Length} bytes");

        // The uploader resumes after an interruption: the first run stops right after its first part.
        using var api = Uploader.Api(RunningPlatform.Gateway, classroom.Manager.AccessToken);
        using var storage = new HttpClient();
        var interrupted = new Uploader(api, storage, (done, _) => { if (done > 0) throw new IOException("network lost"); });
        await Assert.ThrowsAsync<IOException>(() => Eventually.GetAsync(async () =>
        {
            try { return await interrupted.UploadAsync(video, classroom.CourseId, "video/mp4"); }
            catch (HttpRequestException) { return null; } // the content service may not know the course yet
        }, r => r is not null, TimeSpan.FromSeconds(30), "the upload starts"));
        var result = await new Uploader(api, storage).UploadAsync(video, classroom.CourseId, "video/mp4");

        Assert.True(result.Resumed);
        Assert.True(result.BytesSent < new FileInfo(video).Length, $"the resumed run sent {result.BytesSent} bytes, the whole file again");
        Assert.Equal(4, result.DurationSeconds);

        // The manager puts it in the course (once the institution knows the file is ready).
        await classroom.Manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{classroom.CourseId}/structure", new
        {
            chapters = new[] { new { title = "강의", items = new[] { new { title = "1강", kind = "VIDEO", fileId = result.FileId, required = true } } } },
        });

        var url = (await classroom.Employees[0].SucceedAsync(HttpMethod.Get, $"/content/v1/files/{result.FileId}/url")).GetProperty("url").GetString()!;
        Assert.Equal(await File.ReadAllBytesAsync(video), await storage.GetByteArrayAsync(url));
        using var outsider = await classroom.Supervisor.SendAsync(HttpMethod.Get, $"/content/v1/files/{result.FileId}/url");
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        File.Delete(video);
    }
}
