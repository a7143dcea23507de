using Lms.Contracts.Enrollments;
using Lms.Contracts.Exams;
using Lms.Contracts.Learning;
using Lms.Contracts.Live;

namespace Lms.Institution.Dashboard;

public static class EnrollmentRecordStates
{
    public const string Active = "ACTIVE";
    public const string Completed = "COMPLETED";
    public const string Cancelled = "CANCELLED";
}

/// <summary>
/// The institution's row for one enrollment, kept from the student service's events: state, progress, evaluation,
/// completion and certificate, rating and live attendance. Events come on
/// separate queues in any order and may come twice, so every field keeps the newest value by its own timestamp and
/// completion is final; the same events in any order leave the same row. The dashboard's counters are moved by the
/// difference between this row's <see cref="Contribution"/> before and after an event.
/// </summary>
public sealed class EnrollmentRecord
{
    private EnrollmentRecord()
    {
    }

    public Guid EnrollmentId { get; private set; }

    /// <summary>Guid.Empty until an event that names it arrives (a cancellation does not name the institution).</summary>
    public Guid InstitutionId { get; private set; }

    public Guid CompanyId { get; private set; }

    public Guid CourseId { get; private set; }

    /// <summary>Guid.Empty until an event that names it arrives (ratings and grades do not).</summary>
    public Guid ProvisionId { get; private set; }

    public Guid UserId { get; private set; }

    public string State { get; private set; } = EnrollmentRecordStates.Active;

    public DateTimeOffset StateChangedAt { get; private set; } = DateTimeOffset.MinValue;

    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>The earliest time any event of this enrollment carried; the month bucket until the activation is known.</summary>
    public DateTimeOffset FirstSeenAt { get; private set; } = DateTimeOffset.MaxValue;

    public decimal ProgressPercent { get; private set; }

    public DateTimeOffset ProgressChangedAt { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Each exam's best graded score; the evaluation score is their mean.</summary>
    public Dictionary<Guid, decimal> ExamScores { get; private set; } = [];

    public decimal? EvaluationScore { get; private set; }

    /// <summary>Live attendance rate 0–100: the share of the provision's live sessions the learner attended; null until one is recorded.</summary>
    public decimal? AttendanceRate { get; private set; }

    /// <summary>When the newest recorded live session ended.</summary>
    public DateTimeOffset AttendanceChangedAt { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Each live session held while enrolled, and whether the learner attended it (the live service's threshold).</summary>
    public Dictionary<Guid, bool> LiveSessions { get; private set; } = [];

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CertificateSerial { get; private set; }

    public int? RatingStars { get; private set; }

    public string? RatingComment { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>Bumped on every change: two events of one enrollment handled at once collide and the later one is retried.</summary>
    public int Revision { get; private set; }

    public static EnrollmentRecord For(Guid enrollmentId) => new() { EnrollmentId = enrollmentId };

    public void Apply(EnrollmentActivated e)
    {
        Know(e.InstitutionId, e.CompanyId, e.CourseId, e.ProvisionId, e.UserId, e.ActivatedAt);
        ActivatedAt = ActivatedAt is { } known && known <= e.ActivatedAt ? known : e.ActivatedAt;
        MoveTo(EnrollmentRecordStates.Active, e.ActivatedAt);
    }

    public void Apply(EnrollmentCancelled e)
    {
        Know(Guid.Empty, Guid.Empty, e.CourseId, e.ProvisionId, e.UserId, e.CancelledAt);
        MoveTo(EnrollmentRecordStates.Cancelled, e.CancelledAt);
    }

    public void Apply(EnrollmentProgressChanged e)
    {
        Know(e.InstitutionId, e.CompanyId, e.CourseId, e.ProvisionId, e.UserId, e.ChangedAt);
        if (e.ChangedAt >= ProgressChangedAt)
        {
            ProgressPercent = Math.Clamp(Math.Round(e.ProgressPercent, 2), 0, 100);
            ProgressChangedAt = e.ChangedAt;
        }
        Revision++;
    }

    public void Apply(EnrollmentCompleted e)
    {
        Know(e.InstitutionId, e.CompanyId, e.CourseId, e.ProvisionId, e.UserId, e.CompletedAt);
        // Completion is final (a completed enrollment is never cancelled): it wins over any state, whenever it arrives.
        State = EnrollmentRecordStates.Completed;
        StateChangedAt = e.CompletedAt > StateChangedAt ? e.CompletedAt : StateChangedAt;
        CompletedAt = e.CompletedAt;
        CertificateSerial = e.CertificateSerial;
        Revision++;
    }

    public void Apply(ExamAttemptGraded e)
    {
        Know(e.InstitutionId, e.CompanyId, e.CourseId, Guid.Empty, e.UserId, e.GradedAt);
        var score = Math.Clamp(Math.Round(e.Score, 2, MidpointRounding.AwayFromZero), 0, 100);
        // The best score per exam: a maximum is the same whatever order the grades arrive in.
        if (!ExamScores.TryGetValue(e.ExamId, out var best) || score > best)
        {
            ExamScores = new Dictionary<Guid, decimal>(ExamScores) { [e.ExamId] = score };
        }
        EvaluationScore = Math.Round(ExamScores.Values.Average(), 2);
        Revision++;
    }

    public void Apply(CourseRated e)
    {
        Know(e.InstitutionId, e.CompanyId, e.CourseId, Guid.Empty, e.UserId, e.RatedAt);
        if (RatedAt is null || e.RatedAt >= RatedAt)
        {
            RatingStars = Math.Clamp(e.Stars, 1, 5);
            RatingComment = string.IsNullOrWhiteSpace(e.Comment) ? null : e.Comment.Trim();
            RatedAt = e.RatedAt;
        }
        Revision++;
    }

    /// <summary>
    /// One live session's attendance. The rate is the share of sessions attended — the measure the completion rule
    /// counts — kept per session, so a duplicate changes nothing and sessions arriving in any order give the same rate.
    /// </summary>
    public void Apply(LiveAttendanceRecorded e)
    {
        Know(e.InstitutionId, Guid.Empty, Guid.Empty, e.ProvisionId, e.UserId, e.SessionEndedAt);
        LiveSessions = new Dictionary<Guid, bool>(LiveSessions) { [e.SessionId] = e.Attended };
        AttendanceRate = Math.Round(100m * LiveSessions.Values.Count(a => a) / LiveSessions.Count, 2);
        AttendanceChangedAt = e.SessionEndedAt > AttendanceChangedAt ? e.SessionEndedAt : AttendanceChangedAt;
        Revision++;
    }

    /// <summary>The Korean-calendar month (yyyymm) the enrollment is counted in: when it began.</summary>
    public int Month => DashboardMonth.Of(ActivatedAt ?? FirstSeenAt);

    /// <summary>
    /// What this row adds to the dashboard's counters as it stands now. Counters move by the difference between
    /// this before and after an event, so a duplicate (no change) moves nothing and a late event moves exactly what
    /// it changed. A row whose provision or institution is not known yet adds nothing until it is.
    /// </summary>
    public EnrollmentContribution Contribution()
    {
        var provision = InstitutionId != Guid.Empty && CompanyId != Guid.Empty && CourseId != Guid.Empty && ProvisionId != Guid.Empty
            ? new ProvisionMonthTotals(InstitutionId, ProvisionId, Month, CourseId, CompanyId)
            {
                Enrollments = 1,
                Active = State == EnrollmentRecordStates.Active ? 1 : 0,
                Completed = State == EnrollmentRecordStates.Completed ? 1 : 0,
                Cancelled = State == EnrollmentRecordStates.Cancelled ? 1 : 0,
                ProgressSum = State == EnrollmentRecordStates.Cancelled ? 0 : ProgressPercent,
                Scored = State != EnrollmentRecordStates.Cancelled && EvaluationScore is not null ? 1 : 0,
                ScoreSum = State == EnrollmentRecordStates.Cancelled ? 0 : EvaluationScore ?? 0,
                Attended = State != EnrollmentRecordStates.Cancelled && AttendanceRate is not null ? 1 : 0,
                AttendanceSum = State == EnrollmentRecordStates.Cancelled ? 0 : AttendanceRate ?? 0,
            }
            : null;
        var rating = RatingStars is { } stars && InstitutionId != Guid.Empty && CourseId != Guid.Empty
            ? CourseRatingTotals.One(CourseId, InstitutionId, stars)
            : null;
        return new EnrollmentContribution(provision, rating);
    }

    private void Know(Guid institutionId, Guid companyId, Guid courseId, Guid provisionId, Guid userId, DateTimeOffset at)
    {
        // Ids never change for an enrollment; each event fills in the ones it names.
        InstitutionId = InstitutionId == Guid.Empty ? institutionId : InstitutionId;
        CompanyId = CompanyId == Guid.Empty ? companyId : CompanyId;
        CourseId = CourseId == Guid.Empty ? courseId : CourseId;
        ProvisionId = ProvisionId == Guid.Empty ? provisionId : ProvisionId;
        UserId = UserId == Guid.Empty ? userId : UserId;
        FirstSeenAt = at < FirstSeenAt ? at : FirstSeenAt;
    }

    private void MoveTo(string state, DateTimeOffset at)
    {
        Revision++;
        if (State == EnrollmentRecordStates.Completed || at < StateChangedAt)
        {
            return;
        }

        State = state;
        StateChangedAt = at;
    }
}

public sealed record EnrollmentContribution(ProvisionMonthTotals? Provision, CourseRatingTotals? Rating);
