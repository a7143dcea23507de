using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Live.Classroom;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Live;

[Collection(PlatformGroup.Name)]
public sealed class Recording_attendance(Platform platform)
{
    [Fact]
    public async Task Ending_a_session_records_each_active_enrollees_attendance_once_and_managers_read_it()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await LiveScenarios.GoLiveAsync(platform, c, id);
        var started = await platform.Live.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.StartedAt!.Value).SingleAsync());

        // One learner was there the whole time (from before the stream until after it), the other never came.
        await platform.Live.WithDbAsync(async db =>
        {
            db.Presence.Add(new PresenceInterval
            {
                Id = Guid.CreateVersion7(), SessionId = id, UserId = c.Learner.UserId, StartedAt = started.AddMinutes(-1), LastSeenAt = started.AddHours(1),
            });
            await db.SaveChangesAsync();
            return true;
        });

        await (await c.Learner.GetAsync($"/live/v1/sessions/{id}/attendance")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Manager.GetAsync($"/live/v1/sessions/{id}/attendance")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await c.Manager.PostAsync($"/live/v1/sessions/{id}/end", null)).StatusCode);
        await (await c.Manager.PostAsync($"/live/v1/sessions/{id}/end", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var attendance = await (await c.Manager.GetAsync($"/live/v1/sessions/{id}/attendance")).Content.ReadFromJsonAsync<JsonElement>();
        var students = attendance.GetProperty("students").EnumerateArray().ToDictionary(s => s.GetProperty("userId").GetGuid());
        Assert.Equal(2, students.Count);
        Assert.DoesNotContain(c.Dropped.UserId, students.Keys);
        Assert.Equal(1m, students[c.Learner.UserId].GetProperty("rate").GetDecimal());
        Assert.True(students[c.Learner.UserId].GetProperty("attended").GetBoolean());
        Assert.Equal(0m, students[c.OtherLearner.UserId].GetProperty("rate").GetDecimal());
        Assert.False(students[c.OtherLearner.UserId].GetProperty("attended").GetBoolean());

        await (await c.OtherManager.GetAsync($"/live/v1/sessions/{id}/attendance")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, await platform.Live.WithDbAsync(db => db.Attendance.CountAsync(a => a.SessionId == id)));

        // Through the outbox to the student service, which keeps one row per learner and session.
        var received = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db => db.LiveAttendance.Where(a => a.SessionId == id).ToListAsync()),
            rows => rows.Count == 2, TimeSpan.FromSeconds(30), "the student service receives both learners' attendance");
        Assert.True(received.Single(a => a.UserId == c.Learner.UserId).Attended);
        Assert.False(received.Single(a => a.UserId == c.OtherLearner.UserId).Attended);
    }
}
