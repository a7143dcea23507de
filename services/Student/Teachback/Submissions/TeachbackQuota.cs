namespace Lms.Student.Teachback.Submissions;

/// <summary>A learner's count of submissions on one Korean day; one row per learner, moved on to the new day at its first submission.</summary>
public sealed class TeachbackQuota
{
    public Guid UserId { get; set; }

    public DateOnly Day { get; set; }

    public int Submitted { get; set; }
}
