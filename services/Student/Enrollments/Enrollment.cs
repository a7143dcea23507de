namespace Lms.Student.Enrollments;

public static class EnrollmentStates
{
    public const string Active = "ACTIVE";
    public const string Completed = "COMPLETED";
    public const string Cancelled = "CANCELLED";
}

/// <summary>
/// One employee in one course provision: ACTIVE from registration, COMPLETED once when the course's rule holds (and
/// then for good), CANCELLED if taken off the roster while still learning. A COMPLETED enrollment whose learner leaves
/// the company or is taken off the roster stays COMPLETED (records, certificate) but no longer opens the course
/// (<see cref="AccessEndedAt"/>; the rule is <see cref="CourseAccess"/>).
/// </summary>
public sealed class Enrollment
{
    private Enrollment()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid ProvisionId { get; private set; }

    public string State { get; private set; } = EnrollmentStates.Active;

    public decimal ProgressPercent { get; private set; }

    public DateTimeOffset ActivatedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When the learner of a COMPLETED enrollment left the company or the roster; null while it opens the course.</summary>
    public DateTimeOffset? AccessEndedAt { get; private set; }

    public static Enrollment Activate(Guid userId, Guid provisionId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, ProvisionId = provisionId, ActivatedAt = now };

    /// <summary>Back on the roster after being taken off: the same enrollment, progress kept.</summary>
    public bool Reactivate(DateTimeOffset now)
    {
        if (State != EnrollmentStates.Cancelled)
        {
            return false;
        }

        State = EnrollmentStates.Active;
        ActivatedAt = now;
        CancelledAt = null;
        return true;
    }

    public bool SetProgress(decimal percent)
    {
        if (percent == ProgressPercent)
        {
            return false;
        }

        ProgressPercent = percent;
        return true;
    }

    public bool Complete(DateTimeOffset now)
    {
        if (State != EnrollmentStates.Active)
        {
            return false;
        }

        State = EnrollmentStates.Completed;
        CompletedAt = now;
        return true;
    }

    /// <summary>A completed learner who leaves the company or the roster: the course closes, the completion stays.</summary>
    public bool EndAccess(DateTimeOffset now)
    {
        if (State != EnrollmentStates.Completed || AccessEndedAt is not null)
        {
            return false;
        }

        AccessEndedAt = now;
        return true;
    }

    /// <summary>A completed learner put back on the roster opens the course again.</summary>
    public bool RestoreAccess()
    {
        if (State != EnrollmentStates.Completed || AccessEndedAt is null)
        {
            return false;
        }

        AccessEndedAt = null;
        return true;
    }

    public bool Cancel(DateTimeOffset now)
    {
        if (State != EnrollmentStates.Active)
        {
            return false;
        }

        State = EnrollmentStates.Cancelled;
        CancelledAt = now;
        return true;
    }
}

/// <summary>The student service's copy of a provision: what a learner's course list shows of it.</summary>
public sealed class LearningProvision
{
    public Guid Id { get; set; }

    public Guid CourseId { get; set; }

    public string CourseTitle { get; set; } = string.Empty;

    public Guid InstitutionId { get; set; }

    public string InstitutionName { get; set; } = string.Empty;

    public Guid CompanyId { get; set; }

    public DateOnly BeginDate { get; set; }

    public DateOnly EndDate { get; set; }

    public string State { get; set; } = string.Empty;

    public long Version { get; set; }
}
