using Lms.Company.Dashboard;
using Lms.Company.Data;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Exams;
using Lms.Contracts.Learning;
using Lms.Contracts.Live;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Learning;

/// <summary>
/// The base of the learner-progress consumers: find or create the learner's row, apply the event, and move the
/// provision's dashboard counters by what the row's contribution changed, all in the inbox transaction.
/// </summary>
public abstract class LearnerProgressConsumer<TMessage>(CompanyDbContext db, TimeProvider clock, ILogger logger)
    : InboxConsumer<TMessage, CompanyDbContext>(db, clock, logger)
    where TMessage : class
{
    /// <summary>Reads its row FOR UPDATE before it may exist: see <see cref="InboxConsumer{TMessage, TContext}.Isolation"/>.</summary>
    protected override System.Data.IsolationLevel? Isolation => System.Data.IsolationLevel.ReadCommitted;

    protected abstract (Guid EnrollmentId, Guid ProvisionId, Guid UserId) Identify(TMessage message);

    protected abstract void Apply(LearnerProgress progress, TMessage message);

    protected override async Task HandleAsync(TMessage message, CancellationToken cancellationToken)
    {
        var (enrollmentId, provisionId, userId) = Identify(message);
        // Locked as read: one learner's events arrive together on several queues, and waiting for each other is much
        // cheaper than colliding and retrying (the concurrency tokens still guard a row made at the same moment).
        var existing = await Db.LearnerProgress.FromSql($"SELECT * FROM learner_progress WHERE enrollment_id = {enrollmentId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        var progress = existing ?? Db.NewLearnerProgress(enrollmentId, provisionId, userId);
        // A row made by this event counted nowhere before it.
        var before = existing?.Contribution();
        progress.Know(provisionId);
        Apply(progress, message);
        await ProvisionLearningTotals.ApplyAsync(Db, before, progress.Contribution(), cancellationToken);
    }
}

public sealed class EnrollmentActivatedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentActivatedConsumer> logger)
    : LearnerProgressConsumer<EnrollmentActivated>(db, clock, logger)
{
    protected override (Guid, Guid, Guid) Identify(EnrollmentActivated m) => (m.EnrollmentId, m.ProvisionId, m.UserId);

    protected override void Apply(LearnerProgress progress, EnrollmentActivated message) => progress.Activated(message.ActivatedAt);
}

public sealed class EnrollmentCancelledConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : LearnerProgressConsumer<EnrollmentCancelled>(db, clock, logger)
{
    protected override (Guid, Guid, Guid) Identify(EnrollmentCancelled m) => (m.EnrollmentId, m.ProvisionId, m.UserId);

    protected override void Apply(LearnerProgress progress, EnrollmentCancelled message) => progress.Cancelled(message.CancelledAt);
}

public sealed class EnrollmentProgressChangedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentProgressChangedConsumer> logger)
    : LearnerProgressConsumer<EnrollmentProgressChanged>(db, clock, logger)
{
    protected override (Guid, Guid, Guid) Identify(EnrollmentProgressChanged m) => (m.EnrollmentId, m.ProvisionId, m.UserId);

    protected override void Apply(LearnerProgress progress, EnrollmentProgressChanged message) => progress.Progressed(message.ProgressPercent, message.ChangedAt);
}

public sealed class EnrollmentCompletedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentCompletedConsumer> logger)
    : LearnerProgressConsumer<EnrollmentCompleted>(db, clock, logger)
{
    protected override (Guid, Guid, Guid) Identify(EnrollmentCompleted m) => (m.EnrollmentId, m.ProvisionId, m.UserId);

    protected override void Apply(LearnerProgress progress, EnrollmentCompleted message) => progress.Completed(message.CertificateSerial, message.CompletedAt);
}

/// <summary>A grade names no provision; the row is filled in by the learner's other events.</summary>
public sealed class LearnerExamGradedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<LearnerExamGradedConsumer> logger)
    : LearnerProgressConsumer<ExamAttemptGraded>(db, clock, logger)
{
    protected override (Guid, Guid, Guid) Identify(ExamAttemptGraded m) => (m.EnrollmentId, Guid.Empty, m.UserId);

    protected override void Apply(LearnerProgress progress, ExamAttemptGraded message) => progress.Graded(message.ExamId, message.Score);
}

public sealed class LearnerLiveAttendanceConsumer(CompanyDbContext db, TimeProvider clock, ILogger<LearnerLiveAttendanceConsumer> logger)
    : LearnerProgressConsumer<LiveAttendanceRecorded>(db, clock, logger)
{
    protected override (Guid, Guid, Guid) Identify(LiveAttendanceRecorded m) => (m.EnrollmentId, m.ProvisionId, m.UserId);

    protected override void Apply(LearnerProgress progress, LiveAttendanceRecorded message) =>
        progress.Attended(message.SessionId, message.Attended, message.SessionEndedAt);
}

internal static class LearnerProgressLookup
{
    /// <summary>A new row for the enrollment, made by whichever of its events arrives first.</summary>
    public static LearnerProgress NewLearnerProgress(this CompanyDbContext db, Guid enrollmentId, Guid provisionId, Guid userId)
    {
        var progress = LearnerProgress.For(enrollmentId, provisionId, userId);
        db.LearnerProgress.Add(progress);
        return progress;
    }
}
