using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Exams;
using Lms.Contracts.Identity;
using Lms.Contracts.Learning;
using Lms.Contracts.Live;
using Lms.Services.Tests.Provision;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Dashboards;

public static class DashboardScenarios
{
    /// <summary>
    /// Three learners of one provision, fed to the bus as the student service would, with two live sessions (one missed, reported twice), a late progress event, a
    /// progress before its activation, a cancellation, and every event of the third learner sent twice (once with the
    /// same message id, once as a new message with the same content).
    /// </summary>
    public static async Task<(Parties Parties, Guid ProvisionId, Guid First, Guid Second, Guid Third)> ThreeLearnersAsync(Platform platform, string firstName)
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        var bus = platform.Institution.Services.GetRequiredService<IBus>();
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (userA, userB, userC) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var (c, co, i) = (parties.CourseId, parties.CompanyId, parties.InstitutionId);

        await bus.Publish(new UserRegistered(userA, $"a{userA:N}@example.com", $"a{userA:N}"[..20], firstName, now));
        await bus.Publish(new EnrollmentActivated(first, userA, provisionId, c, co, i, now));
        await bus.Publish(new EnrollmentProgressChanged(first, userA, provisionId, c, co, i, 80m, now.AddMinutes(2)));
        await bus.Publish(new EnrollmentProgressChanged(first, userA, provisionId, c, co, i, 40m, now.AddMinutes(1))); // late
        await bus.Publish(new ExamAttemptGraded(Guid.NewGuid(), Guid.NewGuid(), c, i, userA, first, co, 1, 90m, true, false, now, now.AddMinutes(3)));
        await bus.Publish(new ExamAttemptGraded(Guid.NewGuid(), Guid.NewGuid(), c, i, userA, first, co, 1, 60m, true, false, now, now.AddMinutes(3)));
        await bus.Publish(new EnrollmentCompleted(first, userA, provisionId, c, co, i, "LMS-DASH-0001", now.AddMinutes(4)));
        await bus.Publish(new CourseRated(first, userA, c, i, co, 5, "좋아요, \"최고\"\n또 듣고 싶어요", now.AddMinutes(5)));
        // Two live sessions: the first attended, the second missed and reported twice → 50 % attendance.
        LiveAttendanceRecorded Session(Guid sessionId, bool attended, int minutes) => new(sessionId, provisionId, i, userA, first,
            attended ? 3000 : 0, 3600, attended ? 0.8333m : 0m, attended, 1, attended ? 1 : 0, now.AddMinutes(minutes), now.AddMinutes(minutes));
        var missed = Session(Guid.NewGuid(), attended: false, 7);
        await bus.Publish(missed);
        await bus.Publish(Session(Guid.NewGuid(), attended: true, 6));
        await bus.Publish(missed);

        await bus.Publish(new EnrollmentProgressChanged(second, userB, provisionId, c, co, i, 50m, now.AddMinutes(1)));
        await bus.Publish(new EnrollmentActivated(second, userB, provisionId, c, co, i, now));
        await bus.Publish(new EnrollmentCancelled(second, userB, provisionId, c, now.AddMinutes(2)));

        var activated = new EnrollmentActivated(third, userC, provisionId, c, co, i, now);
        var progressed = new EnrollmentProgressChanged(third, userC, provisionId, c, co, i, 20m, now.AddMinutes(1));
        var messageId = NewId.NextGuid();
        await bus.Publish(activated, context => context.MessageId = messageId);
        await bus.Publish(activated, context => context.MessageId = messageId);
        await bus.Publish(activated);
        await bus.Publish(progressed);
        await bus.Publish(progressed);
        return (parties, provisionId, first, second, third);
    }

    public static async Task<JsonElement> JsonAsync(Caller caller, string path)
    {
        var response = await caller.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
