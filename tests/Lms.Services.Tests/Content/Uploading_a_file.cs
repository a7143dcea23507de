using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Content;

/// <summary>Uploads through presigned URLs to the real S3-compatible server, checked and announced as ready.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Uploading_a_file(Platform platform)
{
    private const int MiB = 1024 * 1024;
    private static readonly HttpClient Storage = new();

    [Fact]
    public async Task A_multipart_upload_is_assembled_checked_and_becomes_attachable_to_the_course()
    {
        var (courseId, manager, institutionId) = await ContentScenarios.CourseWithManagerAsync(platform);
        var bytes = RandomBytes(11 * MiB);

        var (started, uploadId) = await StartAsync(manager, courseId, "1주차 강의.mp4", bytes.Length, "video/mp4");
        Assert.Equal(5 * MiB, started.GetProperty("partSize").GetInt64());
        Assert.Equal(3, started.GetProperty("parts").GetArrayLength());

        var etags = await PutPartsAsync(started, bytes);
        for (var part = 1; part <= 3; part++)
        {
            (await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts/{part}", new { etag = etags[part] })).EnsureSuccessStatusCode();
        }
        var completed = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete",
            new { parts = Enumerable.Range(1, 3).Select(n => new { partNumber = n, etag = etags[n] }) });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var file = await Json(completed);
        Assert.Equal(bytes.Length, file.GetProperty("size").GetInt64());
        Assert.Equal("1주차 강의.mp4", file.GetProperty("fileName").GetString());
        var stored = await platform.Content.WithDbAsync(db => db.Files.AsNoTracking().SingleAsync(f => f.Id == uploadId));
        Assert.Matches($"^institutions/{institutionId}/courses/{courseId}/[0-9a-f]{{32}}\\.mp4$", stored.StorageKey);
        await Eventually.TrueAsync(() => platform.Institution.WithDbAsync(db => db.ReadyFiles.AnyAsync(f => f.FileId == uploadId)),
            TimeSpan.FromSeconds(30), "the institution service learns the file is ready");
    }

    [Fact]
    public async Task A_64_MiB_file_goes_up_in_parts_and_comes_back_byte_for_byte_as_its_declared_type()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var bytes = RandomBytes(64 * MiB);
        var (started, uploadId) = await StartAsync(manager, courseId, "교재 전권.pdf", bytes.Length, "application/pdf");
        Assert.Equal(13, started.GetProperty("parts").GetArrayLength());

        var etags = await PutPartsAsync(started, bytes);
        (await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts",
            new { parts = etags.Select(e => new { partNumber = e.Key, etag = e.Value }) })).EnsureSuccessStatusCode();
        var completed = await Json(await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete",
            new { parts = etags.OrderBy(e => e.Key).Select(e => new { partNumber = e.Key, etag = e.Value }) }));
        var url = (await Json(await manager.GetAsync($"/content/v1/files/{completed.GetProperty("fileId").GetGuid()}/url"))).GetProperty("url").GetString()!;
        using var download = await Storage.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var downloaded = await download.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().SequenceEqual(downloaded), "the downloaded file differs from the uploaded one");
    }

    [Fact]
    public async Task Null_missing_or_repeated_parts_are_400s_naming_the_part()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var bytes = RandomBytes(11 * MiB);
        var (started, uploadId) = await StartAsync(manager, courseId, "lists.mp4", bytes.Length, "video/mp4");
        var etags = await PutPartsAsync(started, bytes);
        (await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts",
            new { parts = etags.Select(e => new { partNumber = e.Key, etag = e.Value }) })).EnsureSuccessStatusCode();
        var complete = $"/content/v1/uploads/{uploadId}/complete";

        var nullReport = await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts", new { parts = new object?[] { null } });
        var nullEtag = await manager.PostAsync(complete, new { parts = new object[] { new { partNumber = 1, etag = (string?)null } } });
        var missing = await manager.PostAsync(complete, new { parts = PartList(etags, 1, 3) });
        var repeated = await manager.PostAsync(complete, new { parts = PartList(etags, 1, 2, 2, 3) });

        Assert.Contains("parts[0]", (await nullReport.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("parts[0].etag", (await nullEtag.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        await repeated.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(await platform.Content.WithDbAsync(db => db.Files.AnyAsync(f => f.Id == uploadId)));
    }

    [Fact]
    public async Task Aborting_removes_what_was_stored()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var (started, uploadId) = await StartAsync(manager, courseId, "draft.pdf", 1000, "application/pdf");
        await PutAsync(started.GetProperty("parts")[0].GetProperty("url").GetString()!, RandomBytes(1000));
        var key = await platform.Content.WithDbAsync(db => db.Uploads.Where(u => u.Id == uploadId).Select(u => u.StorageKey).SingleAsync());

        var aborted = await manager.SendAsync(HttpMethod.Delete, $"/content/v1/uploads/{uploadId}");
        var completeAfter = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete", new { parts = new[] { new { partNumber = 1, etag = "x" } } });

        Assert.Equal(HttpStatusCode.NoContent, aborted.StatusCode);
        await completeAfter.AssertProblemAsync(HttpStatusCode.Conflict);
        using var head = await Storage.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{TestServers.S3}/lms-content/{key}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task An_interrupted_upload_resumes_with_fresh_urls_for_the_missing_part()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var bytes = RandomBytes(11 * MiB);
        var (started, uploadId) = await StartAsync(manager, courseId, "resume.mp4", bytes.Length, "video/mp4");
        var etags = await PutPartsAsync(started, bytes, only: [1, 3]);
        await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts/1", new { etag = etags[1] });
        await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts/3", new { etag = etags[3] });

        var status = await Json(await manager.GetAsync($"/content/v1/uploads/{uploadId}"));
        var missing = status.GetProperty("missingParts");
        Assert.Equal([1, 3], status.GetProperty("reportedParts").EnumerateArray().Select(p => p.GetProperty("partNumber").GetInt32()));
        Assert.Equal(2, Assert.Single(missing.EnumerateArray()).GetProperty("partNumber").GetInt32());

        etags[2] = await PutAsync(missing[0].GetProperty("url").GetString()!, bytes.AsMemory(5 * MiB, 5 * MiB));
        await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts/2", new { etag = etags[2] });
        var completed = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete",
            new { parts = Enumerable.Range(1, 3).Select(n => new { partNumber = n, etag = etags[n] }) });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    [Fact]
    public async Task Parts_reported_in_one_batch_are_recorded_all_or_none()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var bytes = RandomBytes(11 * MiB);
        var (started, uploadId) = await StartAsync(manager, courseId, "batch.mp4", bytes.Length, "video/mp4");
        var etags = await PutPartsAsync(started, bytes, only: [1, 2, 3]);

        var outsidePlan = await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts",
            new { parts = new[] { new { partNumber = 1, etag = etags[1] }, new { partNumber = 4, etag = "\"x\"" } } });
        var empty = await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts", new { parts = Array.Empty<object>() });
        var afterRefusals = await Json(await manager.GetAsync($"/content/v1/uploads/{uploadId}"));
        var batch = await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts",
            new { parts = Enumerable.Range(1, 3).Select(n => new { partNumber = n, etag = etags[n] }) });
        var status = await Json(await manager.GetAsync($"/content/v1/uploads/{uploadId}"));

        await outsidePlan.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Empty(afterRefusals.GetProperty("reportedParts").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, batch.StatusCode);
        Assert.Equal([1, 2, 3], status.GetProperty("reportedParts").EnumerateArray().Select(p => p.GetProperty("partNumber").GetInt32()));
        Assert.Empty(status.GetProperty("missingParts").EnumerateArray());
        var completed = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete",
            new { parts = Enumerable.Range(1, 3).Select(n => new { partNumber = n, etag = etags[n] }) });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
    }

    [Fact]
    public async Task A_wrong_or_missing_part_is_a_400_and_nothing_is_announced()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var bytes = RandomBytes(11 * MiB);
        var (started, uploadId) = await StartAsync(manager, courseId, "bad.mp4", bytes.Length, "video/mp4");
        var etags = await PutPartsAsync(started, bytes);
        for (var part = 1; part <= 3; part++)
        {
            await manager.PostAsync($"/content/v1/uploads/{uploadId}/parts/{part}", new { etag = etags[part] });
        }

        var wrongEtag = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete",
            new { parts = new[] { new { partNumber = 1, etag = etags[1] }, new { partNumber = 2, etag = "\"forged\"" }, new { partNumber = 3, etag = etags[3] } } });
        var outOfOrder = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete",
            new { parts = new[] { new { partNumber = 2, etag = etags[2] }, new { partNumber = 1, etag = etags[1] }, new { partNumber = 3, etag = etags[3] } } });

        await wrongEtag.AssertProblemAsync(HttpStatusCode.BadRequest);
        await outOfOrder.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(await platform.Content.WithDbAsync(db => db.Files.AnyAsync(f => f.Id == uploadId)));
        Assert.False(await platform.Content.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Payload.Contains(uploadId.ToString()))));
    }

    [Fact]
    public async Task A_file_smaller_than_declared_is_a_422_and_the_object_is_deleted()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var (started, uploadId) = await StartAsync(manager, courseId, "short.pdf", 1000, "application/pdf");
        var etag = await PutAsync(started.GetProperty("parts")[0].GetProperty("url").GetString()!, RandomBytes(900));

        var completed = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete", new { parts = new[] { new { partNumber = 1, etag } } });

        await completed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var key = await platform.Content.WithDbAsync(db => db.Uploads.Where(u => u.Id == uploadId).Select(u => u.StorageKey).SingleAsync());
        using var head = await Storage.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{TestServers.S3}/lms-content/{key}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task A_real_video_is_measured_by_ffprobe()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var video = await MakeVideoAsync(seconds: 3);
        var started = await Json(await manager.PostAsync("/content/v1/uploads",
            new { fileName = "clip.mp4", size = video.Length, contentType = "video/mp4", courseId, purpose = "course-content" }));
        var etag = await PutAsync(started.GetProperty("parts")[0].GetProperty("url").GetString()!, video);

        var completed = await Json(await manager.PostAsync($"/content/v1/uploads/{started.GetProperty("uploadId").GetGuid()}/complete",
            new { parts = new[] { new { partNumber = 1, etag } } }));

        Assert.Equal(3, completed.GetProperty("durationSeconds").GetInt32());
    }

    [Fact]
    public async Task An_hls_playlist_declared_as_mp4_is_a_422_and_ffprobe_fetches_nothing_it_points_to()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var playlist = System.Text.Encoding.UTF8.GetBytes(
                $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nhttp://127.0.0.1:{port}/internal/secret.ts\n#EXT-X-ENDLIST\n");
            var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
            var (started, uploadId) = await StartAsync(manager, courseId, "lecture.mp4", playlist.Length, "video/mp4");
            var etag = await PutAsync(started.GetProperty("parts")[0].GetProperty("url").GetString()!, playlist);

            var completed = await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete", new { parts = new[] { new { partNumber = 1, etag } } });

            var problem = await completed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("https://lms.example/problems/not-media", problem.GetProperty("type").GetString());
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(listener.Pending(), "something followed the playlist to the listener");
            Assert.False(await platform.Content.WithDbAsync(db => db.Files.AnyAsync(f => f.Id == uploadId)));
            var key = await platform.Content.WithDbAsync(db => db.Uploads.Where(u => u.Id == uploadId).Select(u => u.StorageKey).SingleAsync());
            using var head = await Storage.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{TestServers.S3}/lms-content/{key}"));
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData("a.mp4", 0, "video/mp4", HttpStatusCode.BadRequest)]
    [InlineData("a.mp4", -5, "video/mp4", HttpStatusCode.BadRequest)]
    [InlineData("huge.png", 30L * 1024 * 1024, "image/png", HttpStatusCode.BadRequest)]
    [InlineData("page.html", 100, "text/html", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("lecture.pdf", 100, "video/mp4", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("../", 100, "video/mp4", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_are_refused_with_a_clear_problem(string fileName, long size, string contentType, HttpStatusCode expected)
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);

        var response = await manager.PostAsync("/content/v1/uploads", new { fileName, size, contentType, courseId, purpose = "course-content" });

        await response.AssertProblemAsync(expected);
    }

    [Fact]
    public async Task Another_persons_or_an_expired_upload_is_refused()
    {
        var (courseId, manager, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var (started, uploadId) = await StartAsync(manager, courseId, "a.pdf", 100, "application/pdf");
        var (_, stranger, _) = await ContentScenarios.CourseWithManagerAsync(platform);

        await (await stranger.GetAsync($"/content/v1/uploads/{uploadId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/content/v1/uploads/{uploadId}/complete", new { parts = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.NotFound);
        await platform.Content.WithDbAsync(db => db.Uploads.Where(u => u.Id == uploadId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await (await manager.PostAsync($"/content/v1/uploads/{uploadId}/complete", new { parts = new[] { new { partNumber = 1, etag = "x" } } }))
            .AssertProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Only_a_manager_of_the_courses_institution_may_upload_for_it()
    {
        var (courseId, _, _) = await ContentScenarios.CourseWithManagerAsync(platform);
        var otherManager = Caller.As(platform.Content.Client, Roles.InstitutionManager, Guid.NewGuid(), "institution");
        var body = new { fileName = "a.pdf", size = 100, contentType = "application/pdf", courseId, purpose = "course-content" };

        await (await otherManager.PostAsync("/content/v1/uploads", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Caller.As(platform.Content.Client, Roles.Employee, Guid.NewGuid(), "company").PostAsync("/content/v1/uploads", body))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Caller.Anonymous(platform.Content.Client).PostAsync("/content/v1/uploads", body)).StatusCode);
    }

    private static async Task<(JsonElement Started, Guid UploadId)> StartAsync(Caller manager, Guid courseId, string fileName, long size, string contentType)
    {
        var started = await Json(await manager.PostAsync("/content/v1/uploads",
            new { fileName, size, contentType, courseId, purpose = "course-content" }));
        return (started, started.GetProperty("uploadId").GetGuid());
    }

    private static async Task<Dictionary<int, string>> PutPartsAsync(JsonElement started, byte[] bytes, int[]? only = null)
    {
        var partSize = (int)started.GetProperty("partSize").GetInt64();
        var etags = new Dictionary<int, string>();
        foreach (var part in started.GetProperty("parts").EnumerateArray())
        {
            var number = part.GetProperty("partNumber").GetInt32();
            if (only is not null && !only.Contains(number))
            {
                continue;
            }
            var offset = (number - 1) * partSize;
            etags[number] = await PutAsync(part.GetProperty("url").GetString()!, bytes.AsMemory(offset, Math.Min(partSize, bytes.Length - offset)));
        }
        return etags;
    }

    private static object[] PartList(Dictionary<int, string> etags, params int[] numbers) =>
        [.. numbers.Select(n => new { partNumber = n, etag = etags[n] })];

    private static async Task<string> PutAsync(string url, ReadOnlyMemory<byte> content)
    {
        using var response = await Storage.PutAsync(url, new ReadOnlyMemoryContent(content));
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> MakeVideoAsync(int seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lms-clip-{Guid.NewGuid():N}.mp4");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-v", "error", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size=160x120:rate=10", "-c:v", "mpeg4", "-y", path]))!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        return bytes;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
