using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Lms.Student.Completion;

/// <summary>
/// Re-evaluates one batch of a course-wide change. Learners keep heartbeating meanwhile, and a heartbeat that changes
/// an enrollment's progress writes the same row; under optimistic concurrency alone, one such write anywhere in the
/// batch would roll the whole batch back, again and again, until the message went to <c>_error</c>. So the batch first
/// locks its enrollment rows (<c>SELECT … FOR UPDATE</c>; InnoDB takes them in primary-key order, so two overlapping
/// batches cannot deadlock) and reads everything else after the lock: no writer can change those rows under it, and its updates cannot
/// lose. A heartbeat that needs one of them waits for this one short transaction (one batch), then either writes on top
/// of it or, if it had read the enrollment before, answers 409 concurrent-progress as it always does for a race.
/// Redelivery is harmless: the inbox records the batch as handled, and re-evaluating again changes nothing.
/// </summary>
public sealed partial class ReevaluateEnrollmentBatchConsumer(
    StudentDbContext db, TimeProvider clock, CourseCompletion completion, ILogger<ReevaluateEnrollmentBatchConsumer> logger)
    : InboxConsumer<ReevaluateEnrollmentBatch, StudentDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ReevaluateEnrollmentBatch message, CancellationToken cancellationToken)
    {
        if (message.EnrollmentIds.Count == 0)
        {
            return;
        }

        // The lock comes first: InnoDB takes the transaction's snapshot at its first plain read, so everything read
        // after it (outline, item progress, attempts) is at least as new as the locked rows.
        var enrollments = await LockAsync(message.EnrollmentIds, cancellationToken);
        var outline = await Db.Outlines.AsNoTracking().SingleOrDefaultAsync(o => o.CourseId == message.CourseId, cancellationToken);
        if (outline is null)
        {
            return;
        }

        var provisionIds = enrollments.Select(e => e.ProvisionId).Distinct().ToList();
        var provisions = await Db.Provisions.Where(p => provisionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var changed = 0;
        // Only those still learning: one completed or cancelled since the fan-out is left as it is.
        foreach (var enrollment in enrollments.Where(e => e.State == EnrollmentStates.Active))
        {
            var (progress, state) = (enrollment.ProgressPercent, enrollment.State);
            await completion.RefreshAsync(enrollment, provisions[enrollment.ProvisionId], outline, cancellationToken);
            changed += progress != enrollment.ProgressPercent || state != enrollment.State ? 1 : 0;
        }

        LogBatch(Logger, message.Batch, message.Batches, message.CourseId, message.Cause, enrollments.Count, changed);
    }

    /// <summary>Locks and loads the batch's enrollments (the ones still there); InnoDB locks them in primary-key order.</summary>
    private Task<List<Enrollment>> LockAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        // The ids are parameters ({0}, {1}, …), never text spliced into the statement.
        var placeholders = string.Join(", ", ids.Select((_, i) => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
        return Db.Enrollments.FromSqlRaw(string.Concat("SELECT * FROM enrollments WHERE id IN (", placeholders, ") ORDER BY id FOR UPDATE"),
                [.. ids.Cast<object>()])
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information,
        "Re-evaluated batch {Batch}/{Batches} of course {CourseId} after {Cause}: {Count} enrollments, {Changed} changed")]
    private static partial void LogBatch(ILogger logger, int batch, int batches, Guid courseId, string cause, int count, int changed);
}
