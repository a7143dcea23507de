using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Live.Classroom;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
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

    [Fact]
    public async Task Learners_who_join_through_the_hub_are_counted_by_their_heartbeats_and_one_who_left_halfway_did_not_attend()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();
        await using var stays = await ClassroomClient.ConnectAsync(platform, c.Learner);
        var leaves = await ClassroomClient.ConnectAsync(platform, c.OtherLearner);
        await stays.Connection.InvokeAsync("JoinSession", id);
        await leaves.Connection.InvokeAsync("JoinSession", id);

        // Six seconds live: both send heartbeats (every half second here, every 15 s in a browser); one leaves after three.
        await LiveScenarios.GoLiveAsync(platform, c, id);
        var live = System.Diagnostics.Stopwatch.StartNew();
        while (live.Elapsed < TimeSpan.FromSeconds(6))
        {
            await stays.Connection.InvokeAsync("Heartbeat");
            if (live.Elapsed < TimeSpan.FromSeconds(3))
            {
                await leaves.Connection.InvokeAsync("Heartbeat");
            }
            else if (leaves.Connection.State == HubConnectionState.Connected)
            {
                await leaves.DisposeAsync();
            }
            await Task.Delay(500);
        }
        await stays.Connection.InvokeAsync("Heartbeat");
        Assert.Equal(HttpStatusCode.OK, (await c.Manager.PostAsync($"/live/v1/sessions/{id}/end", null)).StatusCode);

        var attendance = await (await c.Manager.GetAsync($"/live/v1/sessions/{id}/attendance")).Content.ReadFromJsonAsync<JsonElement>();
        var students = attendance.GetProperty("students").EnumerateArray().ToDictionary(s => s.GetProperty("userId").GetGuid());
        Assert.InRange(students[c.Learner.UserId].GetProperty("rate").GetDecimal(), 0.85m, 1m);
        Assert.True(students[c.Learner.UserId].GetProperty("attended").GetBoolean());
        Assert.InRange(students[c.OtherLearner.UserId].GetProperty("rate").GetDecimal(), 0.3m, 0.7m);
        Assert.False(students[c.OtherLearner.UserId].GetProperty("attended").GetBoolean());
        var received = await Eventually.GetAsync(() => platform.Student.WithDbAsync(db => db.LiveAttendance.Where(a => a.SessionId == id).ToListAsync()),
            rows => rows.Count == 2, TimeSpan.FromSeconds(30), "the student service receives both learners' attendance");
        Assert.True(received.Single(a => a.UserId == c.Learner.UserId).Attended);
        Assert.False(received.Single(a => a.UserId == c.OtherLearner.UserId).Attended);
    }
}
