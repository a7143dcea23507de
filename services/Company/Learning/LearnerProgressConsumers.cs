using Lms.Company.Data;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Learning;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Company.Learning;

public sealed class EnrollmentActivatedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentActivatedConsumer> logger)
    : InboxConsumer<EnrollmentActivated, CompanyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(EnrollmentActivated message, CancellationToken cancellationToken) =>
        (await Db.LearnerProgressAsync(message.EnrollmentId, message.ProvisionId, message.UserId, cancellationToken)).Activated(message.ActivatedAt);
}

public sealed class EnrollmentCancelledConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : InboxConsumer<EnrollmentCancelled, CompanyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(EnrollmentCancelled message, CancellationToken cancellationToken) =>
        (await Db.LearnerProgressAsync(message.EnrollmentId, message.ProvisionId, message.UserId, cancellationToken)).Cancelled(message.CancelledAt);
}

public sealed class EnrollmentProgressChangedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentProgressChangedConsumer> logger)
    : InboxConsumer<EnrollmentProgressChanged, CompanyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(EnrollmentProgressChanged message, CancellationToken cancellationToken) =>
        (await Db.LearnerProgressAsync(message.EnrollmentId, message.ProvisionId, message.UserId, cancellationToken))
            .Progressed(message.ProgressPercent, message.ChangedAt);
}

public sealed class EnrollmentCompletedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<EnrollmentCompletedConsumer> logger)
    : InboxConsumer<EnrollmentCompleted, CompanyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(EnrollmentCompleted message, CancellationToken cancellationToken) =>
        (await Db.LearnerProgressAsync(message.EnrollmentId, message.ProvisionId, message.UserId, cancellationToken))
            .Completed(message.CertificateSerial, message.CompletedAt);
}

internal static class LearnerProgressLookup
{
    /// <summary>The enrollment's row, created on whichever of its events arrives first.</summary>
    public static async Task<LearnerProgress> LearnerProgressAsync(
        this CompanyDbContext db, Guid enrollmentId, Guid provisionId, Guid userId, CancellationToken cancellationToken)
    {
        if (await db.LearnerProgress.FindAsync([enrollmentId], cancellationToken) is { } progress)
        {
            return progress;
        }

        progress = LearnerProgress.For(enrollmentId, provisionId, userId);
        db.LearnerProgress.Add(progress);
        return progress;
    }
}
