using System.ComponentModel.DataAnnotations;

namespace Lms.Live.Classroom;

/// <summary>Configuration section <c>Live:Classroom</c>.</summary>
public sealed class ClassroomOptions
{
    public const string Section = "Live:Classroom";

    /// <summary>How often each instance closes connections whose person lost access.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AccessSweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Joins per minute on one connection (a page joins once, and again after each reconnect).</summary>
    [Range(1, 10_000)]
    public int JoinsPerMinute { get; set; } = 5;

    /// <summary>Joins per minute of one person across all their connections and every instance.</summary>
    [Range(1, 10_000)]
    public int JoinsPerMinutePerPerson { get; set; } = 20;

    /// <summary>Heartbeats per minute on one connection (a visible page beats every 15 s).</summary>
    [Range(1, 10_000)]
    public int HeartbeatsPerMinute { get; set; } = 8;

    /// <summary>Heartbeats per minute of one person across all their connections (a few tabs) and every instance.</summary>
    [Range(1, 10_000)]
    public int HeartbeatsPerMinutePerPerson { get; set; } = 24;
}
