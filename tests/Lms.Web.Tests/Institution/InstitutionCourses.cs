using System.Diagnostics;
using System.Text.Json;
using Lms.EndToEnd.Tests;

namespace Lms.Web.Tests.Institution;

/// <summary>What the course console's tests start from: a manager of a new institution, and courses made through the API.</summary>
public static class InstitutionCourses
{
    public static async Task<Person> ManagerAsync(HttpClient api)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var manager = await Person.JoinAsync(api, $"courses.{tag}@example.com", "과정 담당자");
        await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/institutions", new
        {
            name = $"과정교육원 {tag}", ownerName = "대표", businessNumber = $"7{Random.Shared.NextInt64(100_000_000, 999_999_999)}",
            certifiedNumber = $"WEB-{tag}", email = $"contact@{tag}.example", phone = "02-000-0000",
        });
        await manager.BecomeAsync("InstitutionManager");
        return manager;
    }

    /// <summary>A draft course; with chapters, each of OTHER items (which need no file), in the order given.</summary>
    public static async Task<Guid> CourseAsync(Person manager, string title, params (string Chapter, string[] Items)[] chapters)
    {
        var course = await manager.SucceedAsync(HttpMethod.Post, "/institution/v1/courses",
            new { title, category = "WORKPLACE_BASICS", instructorName = "김강사", periodDays = 30 });
        var id = course.GetProperty("id").GetGuid();
        if (chapters.Length > 0)
        {
            await manager.SucceedAsync(HttpMethod.Put, $"/institution/v1/courses/{id}/structure", new
            {
                chapters = chapters.Select(c => new { title = c.Chapter, items = c.Items.Select(i => new { title = i, kind = "OTHER", required = true }).ToArray() }).ToArray(),
            });
        }
        // The content service learns of the course by an event; uploads for it wait for that.
        return id;
    }

    public static async Task<JsonElement> StructureAsync(Person manager, Guid courseId) =>
        await manager.SucceedAsync(HttpMethod.Get, $"/institution/v1/courses/{courseId}/structure");

    public static IEnumerable<string> ChapterTitles(JsonElement structure) =>
        structure.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("title").GetString()!);

    public static IEnumerable<string> ItemTitles(JsonElement structure, int chapter) =>
        structure.GetProperty("chapters")[chapter].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!);

    /// <summary>A small PNG made by ffmpeg, for a cover.</summary>
    public static async Task<string> ImageAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lms-cover-{Guid.NewGuid():N}.png");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180", "-frames:v", "1", "-y", path]))!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
        return path;
    }

    /// <summary>A tiny PDF: enough for the content service, which checks a document's type and size.</summary>
    public static async Task<string> DocumentAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lms-handout-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(path, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return path;
    }
}
