using Lms.Contracts.Live;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Student;

[Collection(PlatformGroup.Name)]
public sealed class Counting_live_attendance(Platform platform)
{
    [Fact]
    public async Task A_course_requiring_live_attendance_completes_only_once_enough_sessions_were_attended()
    {
        var rule = StudentScenarios.DefaultRule with { LiveAttendancePercent = 50 };
        var c = await StudentScenarios.ClassAsync(platform, rule);
        await StudentScenarios.WatchAsync(platform, c);
        (await c.Learner.PostAsync(c.Open(c.DocumentId))).EnsureSuccessStatusCode();
        Assert.Equal("ACTIVE", (await c.Learner.GetAsync(c.Enrollment).JsonAsync()).GetProperty("state").GetString());

        var bus = platform.Live.Services.GetRequiredService<IBus>();
        LiveAttendanceRecorded Session(bool attended) => new(Guid.CreateVersion7(), c.ProvisionId, c.InstitutionId, c.Learner.UserId, c.EnrollmentId,
            attended ? 3000 : 60, 3600, attended ? 0.8333m : 0.0167m, attended, 0, 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

        var missed = Session(attended: false);
        await bus.Publish(missed);
        await bus.Publish(missed);
        await Eventually.GetAsync(() => platform.Student.WithDbAsync(db => db.LiveAttendance.CountAsync(a => a.UserId == c.Learner.UserId)),
            n => n == 1, TimeSpan.FromSeconds(30), "the missed session is counted once");
        Assert.Equal("ACTIVE", (await c.Learner.GetAsync(c.Enrollment).JsonAsync()).GetProperty("state").GetString());

        await bus.Publish(Session(attended: true));
        await Eventually.GetAsync(async () => (await c.Learner.GetAsync(c.Enrollment).JsonAsync()).GetProperty("state").GetString(),
            s => s == "COMPLETED", TimeSpan.FromSeconds(30), "attending half of the sessions completes the course");
    }
}
