using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Content;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Institution;

/// <summary>Steps that several institution tests take to get to where they start.</summary>
public static class InstitutionScenarios
{
    private static int _sequence = Random.Shared.Next(0, 1_000_000);

    /// <summary>Unique 10-digit business and certification numbers for a new institution.</summary>
    public static object NewInstitution(string name = "한국직무교육원")
    {
        var n = Interlocked.Increment(ref _sequence);
        var business = $"{Random.Shared.Next(100, 999)}{n % 10_000_000:D7}";
        return new
        {
            name,
            ownerName = "김대표",
            businessNumber = business,
            certifiedNumber = $"CERT-{Guid.NewGuid():N}"[..20],
            email = "contact@edu.example",
            phone = "02-123-4567",
            address = "서울시 중구",
            website = "https://edu.example",
            description = "직무교육 전문기관",
        };
    }

    /// <summary>A visitor registers an institution; returns a manager of it.</summary>
    public static async Task<(Guid InstitutionId, Caller Manager)> RegisterAsync(Platform platform, string name = "한국직무교육원")
    {
        var founder = Caller.Visitor(platform.Institution.Client);
        var created = await founder.PostAsync("/institution/v1/institutions", NewInstitution(name));
        created.EnsureSuccessStatusCode();
        var institutionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (institutionId, Caller.As(platform.Institution.Client, Roles.InstitutionManager, institutionId, "institution", founder.UserId));
    }

    public static object NewCourse(string title = "직장 내 괴롭힘 예방") =>
        new { title, introduction = "법정 의무 교육", category = "WORKPLACE_BASICS", instructorName = "이강사", periodDays = 30 };

    public static async Task<Guid> CreateCourseAsync(Caller manager, string title = "직장 내 괴롭힘 예방")
    {
        var created = await manager.PostAsync("/institution/v1/courses", NewCourse(title));
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The content service announces a ready upload; waits until the institution service knows it.</summary>
    public static async Task<Guid> ReadyFileAsync(Platform platform, Guid institutionId, string contentType = "video/mp4", int? durationSeconds = 600)
    {
        var fileId = Guid.CreateVersion7();
        await platform.Institution.Services.GetRequiredService<IBus>().Publish(
            new FileReady(fileId, institutionId, null, "lecture.mp4", contentType, 1_000_000, durationSeconds, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Institution.WithDbAsync(db => db.ReadyFiles.AnyAsync(f => f.FileId == fileId)),
            TimeSpan.FromSeconds(20), "the institution service knows the ready file");
        return fileId;
    }

    /// <summary>A course with one chapter holding one required video, published.</summary>
    public static async Task<Guid> PublishedCourseAsync(Platform platform, Guid institutionId, Caller manager, string title = "산업안전보건")
    {
        var courseId = await CreateCourseAsync(manager, title);
        var fileId = await ReadyFileAsync(platform, institutionId);
        var structure = await manager.PutAsync($"/institution/v1/courses/{courseId}/structure", new
        {
            chapters = new[] { new { title = "1장", items = new[] { new { title = "영상", kind = "VIDEO", fileId, required = true } } } },
        });
        structure.EnsureSuccessStatusCode();
        (await manager.PostAsync($"/institution/v1/courses/{courseId}/publish")).EnsureSuccessStatusCode();
        return courseId;
    }
}
