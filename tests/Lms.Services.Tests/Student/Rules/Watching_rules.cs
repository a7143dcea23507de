using Lms.ServiceDefaults.Time;
using Lms.Student.Learning;

namespace Lms.Services.Tests.Student.Rules;

public sealed class Watching_rules
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<WatchedRange> Union(params (double Start, double End)[] ranges) =>
        ranges.Aggregate((IReadOnlyList<WatchedRange>)[], (all, r) => WatchedRanges.Add(all, new WatchedRange(r.Start, r.End)));

    [Fact]
    public void Watching_the_same_minute_twice_counts_it_once()
    {
        var watched = Union((0, 60), (30, 90), (0, 60));

        Assert.Equal([new WatchedRange(0, 90)], watched);
        Assert.Equal(90, WatchedRanges.Total(watched));
    }

    [Fact]
    public void Separate_stretches_stay_separate_and_sorted_until_a_gap_is_filled()
    {
        var watched = Union((100, 120), (0, 10), (50, 60));
        Assert.Equal([new WatchedRange(0, 10), new WatchedRange(50, 60), new WatchedRange(100, 120)], watched);
        Assert.Equal(40, WatchedRanges.Total(watched));

        var filled = WatchedRanges.Add(watched, new WatchedRange(5, 110));

        Assert.Equal([new WatchedRange(0, 120)], filled);
    }

    [Fact]
    public void Touching_stretches_merge_and_empty_ones_change_nothing()
    {
        Assert.Equal([new WatchedRange(0, 20)], Union((0, 10), (10, 20)));
        Assert.Equal([new WatchedRange(0, 10)], Union((0, 10), (15, 15)));
    }

    [Fact]
    public void Playing_forward_earns_the_stretch_played()
    {
        var credit = HeartbeatCredit.For(new PlayerAnchor(100, true, T0), 110, T0.AddSeconds(10));

        Assert.Equal(new WatchedRange(100, 110), credit);
    }

    [Fact]
    public void Seeking_ahead_earns_only_the_time_that_passed()
    {
        var credit = HeartbeatCredit.For(new PlayerAnchor(0, true, T0), 500, T0.AddSeconds(10));

        Assert.NotNull(credit);
        Assert.Equal(0, credit.Start);
        Assert.Equal(10 * (1 + HeartbeatCredit.JitterFraction), credit.Length, precision: 6);
    }

    [Fact]
    public void The_jitter_allowance_is_at_most_a_second_however_long_the_interval()
    {
        var credit = HeartbeatCredit.For(new PlayerAnchor(0, true, T0), 500, T0.AddSeconds(50));

        Assert.Equal(50 + HeartbeatCredit.MaximumJitter.TotalSeconds, credit!.Length, precision: 6);
    }

    [Fact]
    public void A_player_silent_for_longer_than_the_maximum_gap_earns_nothing_for_the_gap()
    {
        var anchor = new PlayerAnchor(100, true, T0);
        var justInside = T0 + HeartbeatCredit.MaximumGap;

        Assert.Null(HeartbeatCredit.For(anchor, 3_000, T0.AddDays(3)));
        Assert.Null(HeartbeatCredit.For(anchor, 200, justInside.AddSeconds(1)));
        Assert.Equal(60, HeartbeatCredit.For(anchor, 160, justInside)!.Length, precision: 6);
    }

    [Fact]
    public void Two_videos_playing_at_once_share_the_learners_wall_clock_time()
    {
        // Both players start at T0 and report every 10 s; whatever one was credited, the other cannot be credited again.
        var (first, second) = (new PlayerAnchor(0, true, T0), new PlayerAnchor(0, true, T0.AddSeconds(1)));
        DateTimeOffset? creditedUntil = null;
        double earned = 0;
        for (var i = 1; i <= 30; i++)
        {
            var firstAt = T0.AddSeconds(10 * i);
            var firstCredit = HeartbeatCredit.For(first, 10 * i, firstAt, creditedUntil);
            creditedUntil = firstCredit is null ? creditedUntil : firstAt;
            first = new PlayerAnchor(10 * i, true, firstAt);

            var secondAt = firstAt.AddSeconds(1);
            var secondCredit = HeartbeatCredit.For(second, 10 * i, secondAt, creditedUntil);
            creditedUntil = secondCredit is null ? creditedUntil : secondAt;
            second = new PlayerAnchor(10 * i, true, secondAt);
            earned += (firstCredit?.Length ?? 0) + (secondCredit?.Length ?? 0);
        }

        // 301 s of wall-clock time with two players earns 301 s plus the jitter allowance in all, not 600.
        Assert.InRange(earned, 300, 301 * (1 + HeartbeatCredit.JitterFraction));
    }

    [Fact]
    public void Double_speed_playback_earns_real_elapsed_time_only()
    {
        var anchor = new PlayerAnchor(0, true, T0);
        double earned = 0;
        for (var i = 1; i <= 30; i++)
        {
            var now = T0.AddSeconds(10 * i);
            earned += HeartbeatCredit.For(anchor, 20 * i, now)!.Length;
            anchor = new PlayerAnchor(20 * i, true, now);
        }

        // 300 s of wall-clock time at 2× covers 600 s of video but earns at most 300 s (plus the jitter allowance).
        Assert.InRange(earned, 300, 300 * (1 + HeartbeatCredit.JitterFraction));
    }

    [Fact]
    public void Pausing_going_back_and_the_first_heartbeat_earn_nothing()
    {
        Assert.Null(HeartbeatCredit.For(null, 10, T0));
        Assert.Null(HeartbeatCredit.For(new PlayerAnchor(0, false, T0), 10, T0.AddSeconds(10)));
        Assert.Null(HeartbeatCredit.For(new PlayerAnchor(100, true, T0), 50, T0.AddSeconds(10)));
        Assert.Null(HeartbeatCredit.For(new PlayerAnchor(100, true, T0), 110, T0));
    }

    [Fact]
    public void A_hundred_heartbeats_in_a_second_earn_about_a_second()
    {
        var progress = ItemProgress.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        progress.Heartbeat(0, true, 600, T0);
        for (var i = 1; i <= 100; i++)
        {
            var now = T0.AddMilliseconds(10 * i);
            if (!progress.TooSoon(now))
            {
                progress.Heartbeat(i * 5, true, 600, now);
            }
        }

        Assert.True(progress.TooSoon(T0.AddMilliseconds(500)));
        Assert.InRange(progress.WatchedSeconds, 0, 1.1);
    }

    [Fact]
    public void Credit_never_reaches_past_the_end_of_the_video()
    {
        var progress = ItemProgress.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        progress.Heartbeat(55, true, 60, T0);
        progress.Heartbeat(61, true, 60, T0.AddSeconds(10));

        Assert.Equal(5, progress.WatchedSeconds, precision: 6);
        Assert.True(progress.ReachedThreshold(60, 5));
        Assert.False(progress.ReachedThreshold(60, 10));
    }

    [Fact]
    public void The_study_day_is_the_Korean_calendar_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), KoreaTime.Today(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 22), KoreaTime.Today(new DateTimeOffset(2026, 11, 22, 14, 59, 59, TimeSpan.Zero)));
    }
}
