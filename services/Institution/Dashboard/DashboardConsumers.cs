using Lms.Contracts.Enrollments;
using Lms.Contracts.Exams;
using Lms.Contracts.Learning;
using Lms.Contracts.Live;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Dashboard;

/// <summary>
/// The base of the dashboard's consumers: find or create the enrollment's row, apply the event, and move the
/// counters by what the row's contribution changed, all in the inbox transaction (a redelivery is skipped by the
/// inbox; a different message with the same content changes nothing and so moves nothing).
/// </summary>
public abstract class DashboardConsumer<TMessage>(InstitutionDbContext db, TimeProvider clock, ILogger logger)
    : InboxConsumer<TMessage, InstitutionDbContext>(db, clock, logger)
    where TMessage : class
{
    /// <summary>Reads its row FOR UPDATE before it may exist: see <see cref="InboxConsumer{TMessage, TContext}.Isolation"/>.</summary>
    protected override System.Data.IsolationLevel? Isolation => System.Data.IsolationLevel.ReadCommitted;

    protected abstract Guid EnrollmentOf(TMessage message);

    protected abstract void Apply(EnrollmentRecord record, TMessage message);

    protected override async Task HandleAsync(TMessage message, CancellationToken cancellationToken)
    {
        var id = EnrollmentOf(message);
        // Locked as read: the events of one enrollment arrive together on several queues, and waiting for each other
        // is much cheaper than colliding and retrying (the revision token still guards a row made at the same moment).
        var record = await Db.EnrollmentRecords.FromSql($"SELECT * FROM dashboard_enrollments WHERE enrollment_id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            record = EnrollmentRecord.For(id);
            Db.EnrollmentRecords.Add(record);
        }

        var before = record.Contribution();
        Apply(record, message);
        await DashboardCounters.ApplyAsync(Db, before, record.Contribution(), cancellationToken);
    }
}

public sealed class DashboardEnrollmentActivatedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<DashboardEnrollmentActivatedConsumer> logger)
    : DashboardConsumer<EnrollmentActivated>(db, clock, logger)
{
    protected override Guid EnrollmentOf(EnrollmentActivated message) => message.EnrollmentId;

    protected override void Apply(EnrollmentRecord record, EnrollmentActivated message) => record.Apply(message);
}

public sealed class DashboardEnrollmentCancelledConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<DashboardEnrollmentCancelledConsumer> logger)
    : DashboardConsumer<EnrollmentCancelled>(db, clock, logger)
{
    protected override Guid EnrollmentOf(EnrollmentCancelled message) => message.EnrollmentId;

    protected override void Apply(EnrollmentRecord record, EnrollmentCancelled message) => record.Apply(message);
}

public sealed class DashboardEnrollmentProgressChangedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<DashboardEnrollmentProgressChangedConsumer> logger)
    : DashboardConsumer<EnrollmentProgressChanged>(db, clock, logger)
{
    protected override Guid EnrollmentOf(EnrollmentProgressChanged message) => message.EnrollmentId;

    protected override void Apply(EnrollmentRecord record, EnrollmentProgressChanged message) => record.Apply(message);
}

public sealed class DashboardEnrollmentCompletedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<DashboardEnrollmentCompletedConsumer> logger)
    : DashboardConsumer<EnrollmentCompleted>(db, clock, logger)
{
    protected override Guid EnrollmentOf(EnrollmentCompleted message) => message.EnrollmentId;

    protected override void Apply(EnrollmentRecord record, EnrollmentCompleted message) => record.Apply(message);
}

public sealed class DashboardExamAttemptGradedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<DashboardExamAttemptGradedConsumer> logger)
    : DashboardConsumer<ExamAttemptGraded>(db, clock, logger)
{
    protected override Guid EnrollmentOf(ExamAttemptGraded message) => message.EnrollmentId;

    protected override void Apply(EnrollmentRecord record, ExamAttemptGraded message) => record.Apply(message);
}

public sealed class DashboardCourseRatedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<DashboardCourseRatedConsumer> logger)
    : DashboardConsumer<CourseRated>(db, clock, logger)
{
    protected override Guid EnrollmentOf(CourseRated message) => message.EnrollmentId;

    protected override void Apply(EnrollmentRecord record, CourseRated message) => record.Apply(message);
}

public sealed class DashboardLiveAttendanceConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<DashboardLiveAttendanceConsumer> logger)
    : DashboardConsumer<LiveAttendanceRecorded>(db, clock, logger)
{
    protected override Guid EnrollmentOf(LiveAttendanceRecorded message) => message.EnrollmentId;

    protected override void Apply(EnrollmentRecord record, LiveAttendanceRecorded message) => record.Apply(message);
}
