namespace Lms.Company.Learning;

public static class LearnerStates
{
    /// <summary>On the roster, but the institution has not approved it yet: no enrollment exists.</summary>
    public const string Waiting = "WAITING";

    public const string Active = "ACTIVE";
    public const string Completed = "COMPLETED";
    public const string Cancelled = "CANCELLED";
}

/// <summary>
/// The company's copy of one employee's enrollment, kept from the student service's events so supervisors see
/// progress and completion without asking another service. Events may arrive in any order: each kind is applied only
/// if it is newer than the last of its kind, and completion is final.
/// </summary>
public sealed class LearnerProgress
{
    private LearnerProgress()
    {
    }

    public Guid EnrollmentId { get; private set; }

    public Guid ProvisionId { get; private set; }

    public Guid UserId { get; private set; }

    public string State { get; private set; } = LearnerStates.Active;

    public decimal ProgressPercent { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CertificateSerial { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    public DateTimeOffset ProgressChangedAt { get; private set; }

    public static LearnerProgress For(Guid enrollmentId, Guid provisionId, Guid userId) =>
        new() { EnrollmentId = enrollmentId, ProvisionId = provisionId, UserId = userId, StateChangedAt = DateTimeOffset.MinValue, ProgressChangedAt = DateTimeOffset.MinValue };

    public void Activated(DateTimeOffset at) => MoveTo(LearnerStates.Active, at);

    public void Cancelled(DateTimeOffset at) => MoveTo(LearnerStates.Cancelled, at);

    public void Completed(string certificateSerial, DateTimeOffset at)
    {
        State = LearnerStates.Completed;
        CompletedAt = at;
        CertificateSerial = certificateSerial;
        StateChangedAt = at > StateChangedAt ? at : StateChangedAt;
    }

    public void Progressed(decimal percent, DateTimeOffset at)
    {
        if (at < ProgressChangedAt)
        {
            return;
        }

        ProgressPercent = percent;
        ProgressChangedAt = at;
    }

    private void MoveTo(string state, DateTimeOffset at)
    {
        if (State == LearnerStates.Completed || at < StateChangedAt)
        {
            return;
        }

        State = state;
        StateChangedAt = at;
    }
}
