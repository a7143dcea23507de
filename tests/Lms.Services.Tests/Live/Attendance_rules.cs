using Lms.Live.Attendance;

namespace Lms.Services.Tests.Live;

public sealed class Attendance_rules
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(100);

    private static (DateTimeOffset, DateTimeOffset) Minutes(int from, int to) => (Start.AddMinutes(from), Start.AddMinutes(to));

    [Fact]
    public void Intervals_are_clipped_to_the_live_period()
    {
        // Joined 10 minutes before the stream began and stayed 10 minutes after it stopped: only the live time counts.
        var figures = AttendanceCalculator.Compute([Minutes(-10, 110)], Start, End, 0.8m);

        Assert.Equal(6000, figures.PresentSeconds);
        Assert.Equal(6000, figures.LiveSeconds);
        Assert.Equal(1m, figures.Rate);
        Assert.True(figures.Attended);
    }

    [Fact]
    public void Overlapping_connections_count_once()
    {
        // Two tabs open at once, and a rejoin that overlaps the first interval.
        var figures = AttendanceCalculator.Compute([Minutes(0, 40), Minutes(10, 30), Minutes(35, 60)], Start, End, 0.8m);

        Assert.Equal(3600, figures.PresentSeconds);
        Assert.Equal(0.6m, figures.Rate);
        Assert.False(figures.Attended);
    }

    [Fact]
    public void Separate_intervals_add_up_and_the_threshold_is_inclusive()
    {
        var figures = AttendanceCalculator.Compute([Minutes(50, 90), Minutes(0, 40)], Start, End, 0.8m);

        Assert.Equal(4800, figures.PresentSeconds);
        Assert.Equal(0.8m, figures.Rate);
        Assert.True(figures.Attended);
    }

    [Fact]
    public void Leaving_halfway_is_half_and_not_attended()
    {
        var figures = AttendanceCalculator.Compute([Minutes(0, 50)], Start, End, 0.8m);

        Assert.Equal(0.5m, figures.Rate);
        Assert.False(figures.Attended);
    }

    [Fact]
    public void Nobody_present_or_a_session_of_no_length_is_zero()
    {
        Assert.Equal(new AttendanceFigures(0, 6000, 0m, false), AttendanceCalculator.Compute([], Start, End, 0.8m));
        Assert.Equal(new AttendanceFigures(0, 6000, 0m, false), AttendanceCalculator.Compute([Minutes(-20, -5), Minutes(101, 120)], Start, End, 0.8m));
        Assert.Equal(new AttendanceFigures(0, 0, 0m, false), AttendanceCalculator.Compute([Minutes(0, 10)], Start, Start, 0m));
    }
}
