using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Content.Uploads;
using Lms.Contracts.Courses;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Content;

/// <summary>Who may read a stored file: the institution's managers and the learners of a course that shows it.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Playing_a_file(Platform platform)
{
    private static readonly HttpClient Storage = new();

    [Fact]
    public async Task Managers_and_enrolled_learners_get_a_working_url_and_nobody_else_does()
    {
        var setup = await FileInCourseAsync();
        var bus = platform.Content.Services.GetRequiredService<IBus>();
        var learner = Caller.As(platform.Content.Client, Roles.Employee, Guid.NewGuid(), "company");
        var otherCourseLearner = Caller.As(platform.Content.Client, Roles.Employee, Guid.NewGuid(), "company");
        await bus.Publish(new EnrollmentActivated(Guid.NewGuid(), learner.UserId, Guid.NewGuid(), setup.CourseId, Guid.NewGuid(), setup.InstitutionId, DateTimeOffset.UtcNow));
        await bus.Publish(new EnrollmentActivated(Guid.NewGuid(), otherCourseLearner.UserId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), setup.InstitutionId, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Content.WithDbAsync(db => db.Enrollments.CountAsync(e => e.UserId == learner.UserId || e.UserId == otherCourseLearner.UserId)).ContinueWith(t => t.Result == 2),
            TimeSpan.FromSeconds(20), "the content service knows the enrollments");

        foreach (var entitled in new[] { setup.Manager, learner })
        {
            var url = (await (await entitled.GetAsync($"/content/v1/files/{setup.FileId}/url")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
            Assert.Equal(setup.Bytes, await Storage.GetByteArrayAsync(url));
        }
        await (await otherCourseLearner.GetAsync($"/content/v1/files/{setup.FileId}/url")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Caller.As(platform.Content.Client, Roles.InstitutionManager, Guid.NewGuid(), "institution").GetAsync($"/content/v1/files/{setup.FileId}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Caller.Anonymous(platform.Content.Client).GetAsync($"/content/v1/files/{setup.FileId}/url")).StatusCode);
    }

    [Fact]
    public async Task A_learner_taken_off_the_roster_loses_access()
    {
        var setup = await FileInCourseAsync();
        var bus = platform.Content.Services.GetRequiredService<IBus>();
        var learner = Caller.As(platform.Content.Client, Roles.Employee, Guid.NewGuid(), "company");
        var provisionId = Guid.NewGuid();
        var enrollmentId = Guid.NewGuid();
        await bus.Publish(new EnrollmentActivated(enrollmentId, learner.UserId, provisionId, setup.CourseId, Guid.NewGuid(), setup.InstitutionId, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await bus.Publish(new EnrollmentCancelled(enrollmentId, learner.UserId, provisionId, setup.CourseId, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Content.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.UserId == learner.UserId && !e.Active)),
            TimeSpan.FromSeconds(20), "the cancellation is known");

        await (await learner.GetAsync($"/content/v1/files/{setup.FileId}/url")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sweeper_aborts_abandoned_uploads_once()
    {
        var setup = await FileInCourseAsync();
        var started = await (await setup.Manager.PostAsync("/content/v1/uploads",
            new { fileName = "forgotten.mp4", size = 11 * 1024 * 1024, contentType = "video/mp4", courseId = setup.CourseId, purpose = "course-content" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var uploadId = started.GetProperty("uploadId").GetGuid();
        await platform.Content.WithDbAsync(db => db.Uploads.Where(u => u.Id == uploadId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var sweeper = platform.Content.Services.GetRequiredService<UploadSweeper>();

        await sweeper.SweepAsync(CancellationToken.None);
        var again = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(UploadStates.Aborted, await platform.Content.WithDbAsync(db => db.Uploads.Where(u => u.Id == uploadId).Select(u => u.State).SingleAsync()));
        Assert.Equal(0, again);
    }

    private sealed record Setup(Guid InstitutionId, Guid CourseId, Caller Manager, Guid FileId, byte[] Bytes);

    // A manager uploads a document for a course whose structure shows it.
    private async Task<Setup> FileInCourseAsync()
    {
        var institutionId = Guid.CreateVersion7();
        var courseId = Guid.CreateVersion7();
        var manager = Caller.As(platform.Content.Client, Roles.InstitutionManager, institutionId, "institution");
        var bus = platform.Content.Services.GetRequiredService<IBus>();
        await bus.Publish(new InstitutionManagerAdded(institutionId, manager.UserId, DateTimeOffset.UtcNow));
        await bus.Publish(new CourseCatalogChanged(courseId, institutionId, "기관", "과정", "SALES", 30, "DRAFT", 1, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Content.WithDbAsync(async db =>
            await db.Courses.AnyAsync(c => c.CourseId == courseId) && await db.Managers.AnyAsync(m => m.UserId == manager.UserId)),
            TimeSpan.FromSeconds(20), "the content service knows the course");

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
        return new Setup(institutionId, courseId, manager, fileId, bytes);
    }
}
