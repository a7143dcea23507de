using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Courses;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Content;

/// <summary>A document stored for a course: the institution, the course, the manager who uploaded it, the file and its bytes.</summary>
public sealed record CourseDocument(Guid InstitutionId, Guid CourseId, Caller Manager, Guid FileId, byte[] Bytes);

public static class ContentScenarios
{
    /// <summary>Talks to the S3 stand-in directly (presigned URLs).</summary>
    public static readonly HttpClient Storage = new();

    /// <summary>A course and its manager, as the content service learns of them from the institution service's events.</summary>
    public static async Task<(Guid CourseId, Caller Manager, Guid InstitutionId)> CourseWithManagerAsync(
        Platform platform, Guid? institution = null, Guid? course = null)
    {
        var institutionId = institution ?? Guid.CreateVersion7();
        var courseId = course ?? Guid.CreateVersion7();
        var manager = Caller.As(platform.Content.Client, Roles.InstitutionManager, institutionId, "institution");
        var bus = platform.Content.Services.GetRequiredService<IBus>();
        await bus.Publish(new InstitutionManagerAdded(institutionId, manager.UserId, DateTimeOffset.UtcNow));
        await bus.Publish(new CourseCatalogChanged(courseId, institutionId, "기관", "과정", "SALES", 30, "DRAFT", 1, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Content.WithDbAsync(async db =>
                await db.Courses.AnyAsync(c => c.CourseId == courseId) && await db.Managers.AnyAsync(m => m.UserId == manager.UserId)),
            TimeSpan.FromSeconds(20), "the content service knows the course and its manager");
        return (courseId, manager, institutionId);
    }

    /// <summary>
    /// A manager uploads a document for a course whose structure shows it (of a new institution and course unless given);
    /// waits until the content service knows the course shows the file.
    /// </summary>
    public static async Task<CourseDocument> FileInCourseAsync(Platform platform, Guid? institution = null, Guid? course = null)
    {
        var (courseId, manager, institutionId) = await CourseWithManagerAsync(platform, institution, course);
        var bus = platform.Content.Services.GetRequiredService<IBus>();
        var bytes = new byte[4000];
        Random.Shared.NextBytes(bytes);
        var started = await (await manager.PostAsync("/content/v1/uploads",
            new { fileName = "교안.pdf", size = bytes.Length, contentType = "application/pdf", courseId, purpose = "course-content" })).Content.ReadFromJsonAsync<JsonElement>();
        using var put = await Storage.PutAsync(started.GetProperty("parts")[0].GetProperty("url").GetString()!, new ByteArrayContent(bytes));
        var fileId = started.GetProperty("uploadId").GetGuid();
        (await manager.PostAsync($"/content/v1/uploads/{fileId}/complete", new { parts = new[] { new { partNumber = 1, etag = put.Headers.ETag!.Tag } } }))
            .EnsureSuccessStatusCode();
        await bus.Publish(new CourseStructureChanged(courseId, institutionId, 2,
            [new CourseChapterSnapshot(Guid.NewGuid(), "1장", 1, [new CourseItemSnapshot(Guid.NewGuid(), "교안", "DOCUMENT", fileId, null, true, 1)])],
            new CompletionRuleSnapshot(90, 80, 60, null, 8, 50, 80), DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Content.WithDbAsync(db => db.CourseFiles.AnyAsync(f => f.FileId == fileId)),
            TimeSpan.FromSeconds(20), "the content service knows the course shows the file");
        return new CourseDocument(institutionId, courseId, manager, fileId, bytes);
    }
}
