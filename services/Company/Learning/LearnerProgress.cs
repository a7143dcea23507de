using Lms.Company.Dashboard;

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
/// if it is newer than the last of its kind, and completion is final. The company dashboard's per-provision
/// counters move by the difference of <see cref="Contribution"/> before and after each event.
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

    /// <summary>Each exam's best graded score; the evaluation score is their mean (the same rule as the institution's report).</summary>
    public Dictionary<Guid, decimal> ExamScores { get; private set; } = [];

    public decimal? EvaluationScore { get; private set; }

    /// <summary>Live attendance rate 0–100: the share of the provision's live sessions the learner attended; null until one is recorded.</summary>
    public decimal? AttendanceRate { get; private set; }

    /// <summary>When the newest recorded live session ended.</summary>
    public DateTimeOffset AttendanceChangedAt { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Each live session held while enrolled, and whether the learner attended it (the live service's threshold).</summary>
    public Dictionary<Guid, bool> LiveSessions { get; private set; } = [];

    /// <summary>Bumped on every change, so two events of one learner handled at once collide instead of losing one.</summary>
    public int Revision { get; private set; }

    public static LearnerProgress For(Guid enrollmentId, Guid provisionId, Guid userId) =>
        new() { EnrollmentId = enrollmentId, ProvisionId = provisionId, UserId = userId, StateChangedAt = DateTimeOffset.MinValue, ProgressChangedAt = DateTimeOffset.MinValue };

    public void Activated(DateTimeOffset at) => MoveTo(LearnerStates.Active, at);

    public void Cancelled(DateTimeOffset at) => MoveTo(LearnerStates.Cancelled, at);

    /// <summary>A provision named by a later event fills in a row first made from an event that did not name it (a grade).</summary>
    public void Know(Guid provisionId)
    {
        ProvisionId = ProvisionId == Guid.Empty ? provisionId : ProvisionId;
    }

    public void Graded(Guid examId, decimal score)
    {
        score = Math.Clamp(Math.Round(score, 2, MidpointRounding.AwayFromZero), 0, 100);
        // The best score per exam: a maximum is the same whatever order the grades arrive in.
        if (!ExamScores.TryGetValue(examId, out var best) || score > best)
        {
            ExamScores = new Dictionary<Guid, decimal>(ExamScores) { [examId] = score };
        }
        EvaluationScore = Math.Round(ExamScores.Values.Average(), 2);
        Revision++;
    }

    /// <summary>
    /// One live session's attendance. The rate is the share of sessions attended — the measure the completion rule
    /// counts — kept per session, so a duplicate changes nothing and sessions arriving in any order give the same rate.
    /// </summary>
    public void Attended(Guid sessionId, bool attended, DateTimeOffset sessionEndedAt)
    {
        LiveSessions = new Dictionary<Guid, bool>(LiveSessions) { [sessionId] = attended };
        AttendanceRate = Math.Round(100m * LiveSessions.Values.Count(a => a) / LiveSessions.Count, 2);
        AttendanceChangedAt = sessionEndedAt > AttendanceChangedAt ? sessionEndedAt : AttendanceChangedAt;
        Revision++;
    }

    /// <summary>What this learner adds to their provision's counters now; nothing while the provision is unknown.</summary>
    public ProvisionLearningTotals? Contribution()
    {
        if (ProvisionId == Guid.Empty)
        {
            return null;
        }

        var learning = State != LearnerStates.Cancelled;
        return new ProvisionLearningTotals(ProvisionId)
        {
            Learners = learning ? 1 : 0,
            Active = State == LearnerStates.Active ? 1 : 0,
            Completed = State == LearnerStates.Completed ? 1 : 0,
            Cancelled = learning ? 0 : 1,
            ProgressSum = learning ? ProgressPercent : 0,
            Scored = learning && EvaluationScore is not null ? 1 : 0,
            ScoreSum = learning ? EvaluationScore ?? 0 : 0,
            Attended = learning && AttendanceRate is not null ? 1 : 0,
            AttendanceSum = learning ? AttendanceRate ?? 0 : 0,
        };
    }

    public void Completed(string certificateSerial, DateTimeOffset at)
    {
        State = LearnerStates.Completed;
        CompletedAt = at;
        CertificateSerial = certificateSerial;
        StateChangedAt = at > StateChangedAt ? at : StateChangedAt;
        Revision++;
    }

    public void Progressed(decimal percent, DateTimeOffset at)
    {
        Revision++;
        if (at < ProgressChangedAt)
        {
            return;
        }

        ProgressPercent = percent;
        ProgressChangedAt = at;
    }

    private void MoveTo(string state, DateTimeOffset at)
    {
        Revision++;
        if (State == LearnerStates.Completed || at < StateChangedAt)
        {
            return;
        }

        State = state;
        StateChangedAt = at;
    }
}
