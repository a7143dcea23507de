namespace Lms.Live.Attendance;

/// <summary>One enrollee's attendance of an ended session (table <c>session_attendance</c>, one row per enrollee).</summary>
public sealed class SessionAttendance
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public long PresentSeconds { get; set; }

    public long LiveSeconds { get; set; }

    public decimal Rate { get; set; }

    public bool Attended { get; set; }

    public int QuizzesAnswered { get; set; }

    public int QuizzesCorrect { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
