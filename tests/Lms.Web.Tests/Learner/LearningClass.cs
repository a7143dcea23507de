using System.Diagnostics;
using System.Text.Json;
using Lms.EndToEnd.Tests;
using Lms.Upload;

namespace Lms.Web.Tests.Learner;

/// <summary>
/// A class whose period starts today, its course one short video lecture, with each employee's enrollment once the
/// student service has the outline. The video is WebM (VP8): Debian's chromium does not play the MPEG-4 Part 2 videos
/// the end-to-end tests upload.
/// </summary>
public sealed record LearningClass(Classroom Classroom, IReadOnlyList<Guid> Enrollments, Guid VideoItemId)
{
    public const string ChapterTitle = "1장 직장 예절";
    public const string VideoTitle = "1강 인사와 호칭";

    public static async Task<LearningClass> RegisterAsync(HttpClient api, int employees = 1, int videoSeconds = 10)
    {
        var classroom = await Classroom.RegisterAsync(api, employees, beginInDays: 0);
        var video = await MakeVideoAsync(videoSeconds);
        try
        {
            using var manager = Uploader.Api(RunningPlatform.Gateway, classroom.Manager.AccessToken);
            using var storage = new HttpClient();
            var uploaded = await Eventually.GetAsync(async () =>
            {
                try { return await new Uploader(manager, storage).UploadAsync(video, classroom.CourseId, "video/webm"); }
                catch (HttpRequestException) { return null; } // the content service may not know the course yet
            }, r => r is not null, TimeSpan.FromSeconds(30), "the lecture is uploaded");
            Assert.Equal(videoSeconds, uploaded!.DurationSeconds);
            await classroom.Manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{classroom.CourseId}/structure", new
            {
                chapters = new[] { new { title = ChapterTitle, items = new[] { new { title = VideoTitle, kind = "VIDEO", fileId = uploaded.FileId, required = true } } } },
            });
        }
        finally
        {
            File.Delete(video);
            File.Delete(video + ".lms-upload.json");
        }

        var enrollments = new List<Guid>();
        var itemId = Guid.Empty;
        foreach (var employee in classroom.Employees)
        {
            var enrollmentId = await EnrollmentOfAsync(employee);
            var item = await Eventually.GetAsync(async () => VideoOf(await employee.SucceedAsync(HttpMethod.Get, $"/student/v1/enrollments/{enrollmentId}")),
                found => found is not null, TimeSpan.FromSeconds(30), "the enrollment shows the video lecture");
            enrollments.Add(enrollmentId);
            itemId = item!.Value.GetProperty("id").GetGuid();
        }
        return new LearningClass(classroom, enrollments, itemId);
    }

    /// <summary>The learner's one enrollment, once the student service has made it from the approved roster.</summary>
    public static async Task<Guid> EnrollmentOfAsync(Person learner)
    {
        var list = await Eventually.GetAsync(() => learner.SucceedAsync(HttpMethod.Get, "/student/v1/enrollments"),
            found => found.GetProperty("items").GetArrayLength() > 0, TimeSpan.FromSeconds(30), $"{learner.Email} is enrolled");
        return list.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>The enrollment's video item as the learner sees it (state, progress).</summary>
    public static async Task<JsonElement> VideoItemAsync(Person learner, Guid enrollmentId) =>
        VideoOf(await learner.SucceedAsync(HttpMethod.Get, $"/student/v1/enrollments/{enrollmentId}"))
        ?? throw new InvalidOperationException("The enrollment has no video item.");

    private static JsonElement? VideoOf(JsonElement enrollment) => enrollment.GetProperty("chapters").EnumerateArray()
        .SelectMany(chapter => chapter.GetProperty("items").EnumerateArray())
        .Where(item => item.GetProperty("kind").GetString() == "VIDEO")
        .Select(item => (JsonElement?)item)
        .FirstOrDefault();

    private static async Task<string> MakeVideoAsync(int seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lms-web-lecture-{Guid.NewGuid():N}.webm");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-v", "error", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size=320x180:rate=25", "-c:v", "libvpx", "-b:v", "300k", "-y", path]))!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        return path;
    }
}
