namespace Lms.Student.Completion;

/// <summary>A learner's attendance of one ended live session of a provision (from <c>LiveAttendanceRecorded</c>).</summary>
public sealed class LiveAttendance
{
    public Guid ProvisionId { get; set; }

    public Guid UserId { get; set; }

    public Guid SessionId { get; set; }

    public bool Attended { get; set; }

    public decimal Rate { get; set; }

    public DateTimeOffset SessionEndedAt { get; set; }
}
