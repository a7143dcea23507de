namespace Lms.Live.Attendance;

/// <summary>A learner's presence over a session's live period: seconds present, the rate, and whether it counts.</summary>
public sealed record AttendanceFigures(long PresentSeconds, long LiveSeconds, decimal Rate, bool Attended);

/// <summary>
/// Turns presence intervals into attendance: each interval is clipped to the live period [started, ended], overlapping
/// or touching ones are merged (two connections at once count once), and the rest summed.
/// </summary>
public static class AttendanceCalculator
{
    public static AttendanceFigures Compute(
        IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals, DateTimeOffset liveStart, DateTimeOffset liveEnd, decimal threshold)
    {
        var live = liveEnd > liveStart ? liveEnd - liveStart : TimeSpan.Zero;
        var present = PresentTime(intervals, liveStart, liveEnd);
        // The rate from exact times, not whole seconds, so a short session is not rounded down to nothing.
        var rate = live == TimeSpan.Zero ? 0m : Math.Round((decimal)present.Ticks / live.Ticks, 4);
        return new AttendanceFigures((long)present.TotalSeconds, (long)live.TotalSeconds, rate, live > TimeSpan.Zero && rate >= threshold);
    }

    /// <summary>The union of the intervals within [liveStart, liveEnd].</summary>
    public static TimeSpan PresentTime(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals, DateTimeOffset liveStart, DateTimeOffset liveEnd)
    {
        var clipped = intervals
            .Select(i => (Start: i.Start < liveStart ? liveStart : i.Start, End: i.End > liveEnd ? liveEnd : i.End))
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start)
            .ToList();

        var total = TimeSpan.Zero;
        DateTimeOffset? runStart = null, runEnd = null;
        foreach (var (start, end) in clipped)
        {
            if (runEnd is { } currentEnd && start <= currentEnd)
            {
                if (end > currentEnd)
                {
                    runEnd = end;
                }
                continue;
            }
            if (runStart is { } s && runEnd is { } e)
            {
                total += e - s;
            }
            runStart = start;
            runEnd = end;
        }
        if (runStart is { } lastStart && runEnd is { } lastEnd)
        {
            total += lastEnd - lastStart;
        }
        return total;
    }
}
