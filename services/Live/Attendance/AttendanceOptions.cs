using System.ComponentModel.DataAnnotations;

namespace Lms.Live.Attendance;

/// <summary>Settings under <c>Live</c>: the share of the live time a learner must be present for to have attended.</summary>
public sealed class AttendanceOptions
{
    public const string Section = "Live";

    [Range(0.0, 1.0)]
    public decimal AttendanceThreshold { get; set; } = 0.8m;
}
