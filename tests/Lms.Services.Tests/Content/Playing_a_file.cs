using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Content.Uploads;
using Lms.Contracts.Enrollments;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Content;

/// <summary>Who may read a stored file: the institution's managers and the learners of a course that shows it.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Playing_a_file(Platform platform)
{
    [Fact]
    public async Task Managers_and_enrolled_learners_get_a_working_url_and_nobody_else_does()
    {
        var setup = await ContentScenarios.FileInCourseAsync(platform);
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
            Assert.Equal(setup.Bytes, await ContentScenarios.Storage.GetByteArrayAsync(url));
        }
        await (await otherCourseLearner.GetAsync($"/content/v1/files/{setup.FileId}/url")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Caller.As(platform.Content.Client, Roles.InstitutionManager, Guid.NewGuid(), "institution").GetAsync($"/content/v1/files/{setup.FileId}"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Caller.Anonymous(platform.Content.Client).GetAsync($"/content/v1/files/{setup.FileId}/url")).StatusCode);
    }

    [Fact]
    public async Task A_learner_taken_off_the_roster_loses_access()
    {
        var setup = await ContentScenarios.FileInCourseAsync(platform);
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
    public async Task A_learner_reads_until_the_provisions_end_date_and_a_completed_one_until_leaving()
    {
        var setup = await ContentScenarios.FileInCourseAsync(platform);
        var bus = platform.Content.Services.GetRequiredService<IBus>();
        var today = KoreaTime.Today(DateTimeOffset.UtcNow);
        var (ending, ended, leaving) = (Learner(), Learner(), Learner());
        var leavingEnrollment = (Id: Guid.NewGuid(), Provision: Guid.NewGuid());
        await bus.Publish(new EnrollmentActivated(Guid.NewGuid(), ending.UserId, Guid.NewGuid(), setup.CourseId, Guid.NewGuid(), setup.InstitutionId,
            DateTimeOffset.UtcNow, EndDate: today));
        await bus.Publish(new EnrollmentActivated(Guid.NewGuid(), ended.UserId, Guid.NewGuid(), setup.CourseId, Guid.NewGuid(), setup.InstitutionId,
            DateTimeOffset.UtcNow, EndDate: today.AddDays(-1)));
        await bus.Publish(new EnrollmentActivated(leavingEnrollment.Id, leaving.UserId, leavingEnrollment.Provision, setup.CourseId, Guid.NewGuid(),
            setup.InstitutionId, DateTimeOffset.UtcNow.AddMinutes(-1), EndDate: today.AddDays(10)));
        await Eventually.TrueAsync(() => platform.Content.WithDbAsync(db => db.Enrollments.CountAsync(e =>
                e.CourseId == setup.CourseId && e.EndDate != null)).ContinueWith(t => t.Result == 3),
            TimeSpan.FromSeconds(20), "the content service knows the enrollments");
        Assert.Equal(HttpStatusCode.OK, (await leaving.GetAsync($"/content/v1/files/{setup.FileId}/url")).StatusCode);

        // The learner completed the course, then left the company: the enrollment stays completed but closes.
        await bus.Publish(new EnrollmentAccessChanged(leavingEnrollment.Id, leaving.UserId, leavingEnrollment.Provision, setup.CourseId, Open: false,
            DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Content.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.UserId == leaving.UserId && !e.Active)),
            TimeSpan.FromSeconds(20), "the closing is known");

        Assert.Equal(HttpStatusCode.OK, (await ending.GetAsync($"/content/v1/files/{setup.FileId}/url")).StatusCode);
        await (await ended.GetAsync($"/content/v1/files/{setup.FileId}/url")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await leaving.GetAsync($"/content/v1/files/{setup.FileId}/url")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private Caller Learner() => Caller.As(platform.Content.Client, Roles.Employee, Guid.NewGuid(), "company");

    [Fact]
    public async Task The_sweeper_aborts_abandoned_uploads_once()
    {
        var setup = await ContentScenarios.FileInCourseAsync(platform);
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
}
