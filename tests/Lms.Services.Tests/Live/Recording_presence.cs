using Lms.Live.Classroom;
using Lms.Services.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Lms.Services.Tests.Live;

[Collection(PlatformGroup.Name)]
public sealed class Recording_presence(Platform platform)
{
    [Fact]
    public async Task Joining_and_heartbeats_make_one_interval_and_a_reconnect_within_the_gap_merges_into_it()
    {
        var c = await LiveScenarios.ClassAsync(platform);
        var id = (await LiveScenarios.ScheduleAsync(c)).GetProperty("id").GetGuid();

        await using (var first = await ClassroomClient.ConnectAsync(platform, c.Learner))
        {
            await first.Connection.InvokeAsync("JoinSession", id);
            await first.Connection.InvokeAsync("Heartbeat");
        }
        await using var second = await ClassroomClient.ConnectAsync(platform, c.Learner);
        await second.Connection.InvokeAsync("JoinSession", id);

        var intervals = await platform.Live.WithDbAsync(db => db.Presence.Where(p => p.SessionId == id && p.UserId == c.Learner.UserId).ToListAsync());
        Assert.Single(intervals);
        Assert.True(intervals[0].LastSeenAt > intervals[0].StartedAt);
    }

    [Fact]
    public async Task A_silence_longer_than_the_gap_starts_a_new_interval()
    {
        var sessionId = Guid.CreateVersion7();
        var userId = Guid.CreateVersion7();
        var start = DateTimeOffset.UtcNow;

        foreach (var seconds in new[] { 0, 15, 30, 120, 135 })
        {
            await platform.Live.WithDbAsync(async db =>
            {
                await PresenceInterval.RecordAsync(db, sessionId, userId, start.AddSeconds(seconds), CancellationToken.None);
                return true;
            });
        }

        var intervals = await platform.Live.WithDbAsync(db => db.Presence.Where(p => p.SessionId == sessionId).OrderBy(p => p.StartedAt).ToListAsync());
        Assert.Equal(2, intervals.Count);
        Assert.Equal(30, (intervals[0].LastSeenAt - intervals[0].StartedAt).TotalSeconds, 2);
        Assert.Equal(15, (intervals[1].LastSeenAt - intervals[1].StartedAt).TotalSeconds, 2);
    }
}
