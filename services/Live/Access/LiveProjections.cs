using Lms.Contracts.Enrollments;
using Lms.Contracts.Memberships;
using Lms.Contracts.Provisions;
using Lms.Live.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Live.Access;

/// <summary>Which institution runs a provision (from the company service's provision snapshots).</summary>
public sealed class KnownProvision
{
    public Guid ProvisionId { get; set; }

    public Guid InstitutionId { get; set; }

    public string CourseTitle { get; set; } = string.Empty;
}

/// <summary>
/// An employee's enrollment in a provision; ACTIVE ones watch, and COMPLETED ones until their learner leaves the company
/// or the roster (the later event wins whatever the order).
/// </summary>
public sealed class KnownEnrollment : ITimedMembership
{
    public Guid ProvisionId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The enrollment of the latest event (a learner enrolled again after a cancellation has a new one).</summary>
    public Guid EnrollmentId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>Who manages which institution (from membership events; the later event wins whatever the order).</summary>
public sealed class KnownManager : ITimedMembership
{
    public Guid InstitutionId { get; set; }

    public Guid UserId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class ProvisionConsumer(LiveDbContext db, TimeProvider clock, ILogger<ProvisionConsumer> logger)
    : InboxConsumer<CourseProvisionChanged, LiveDbContext>(db, clock, logger)
{
    // The institution of a provision never changes, so the first snapshot is all this service needs.
    protected override async Task HandleAsync(CourseProvisionChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Provisions.FindAsync([message.ProvisionId], cancellationToken) is null)
        {
            Db.Provisions.Add(new KnownProvision { ProvisionId = message.ProvisionId, InstitutionId = message.InstitutionId, CourseTitle = message.CourseTitle });
        }
    }
}

public sealed class EnrollmentActivatedConsumer(LiveDbContext db, TimeProvider clock, ILogger<EnrollmentActivatedConsumer> logger)
    : InboxConsumer<EnrollmentActivated, LiveDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentActivated message, CancellationToken cancellationToken) =>
        MembershipUpsert.EnrollmentAsync(Db, message.ProvisionId, message.UserId, message.EnrollmentId, active: true, message.ActivatedAt, cancellationToken);
}

public sealed class EnrollmentCancelledConsumer(LiveDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : InboxConsumer<EnrollmentCancelled, LiveDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentCancelled message, CancellationToken cancellationToken) =>
        MembershipUpsert.EnrollmentAsync(Db, message.ProvisionId, message.UserId, message.EnrollmentId, active: false, message.CancelledAt, cancellationToken);
}

/// <summary>
/// A completed learner left the company or the roster (closed), or was put back on it (open): a completed enrollment
/// counts for live sessions like an active one until then.
/// </summary>
public sealed class EnrollmentAccessChangedConsumer(LiveDbContext db, TimeProvider clock, ILogger<EnrollmentAccessChangedConsumer> logger)
    : InboxConsumer<EnrollmentAccessChanged, LiveDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentAccessChanged message, CancellationToken cancellationToken) =>
        MembershipUpsert.EnrollmentAsync(Db, message.ProvisionId, message.UserId, message.EnrollmentId, message.Open, message.ChangedAt, cancellationToken);
}

public sealed class ManagerAddedConsumer(LiveDbContext db, TimeProvider clock, ILogger<ManagerAddedConsumer> logger)
    : InboxConsumer<InstitutionManagerAdded, LiveDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerAdded message, CancellationToken cancellationToken) =>
        MembershipUpsert.ManagerAsync(Db, message.InstitutionId, message.UserId, active: true, message.OccurredAt, cancellationToken);
}

public sealed class ManagerRemovedConsumer(LiveDbContext db, TimeProvider clock, ILogger<ManagerRemovedConsumer> logger)
    : InboxConsumer<InstitutionManagerRemoved, LiveDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerRemoved message, CancellationToken cancellationToken) =>
        MembershipUpsert.ManagerAsync(Db, message.InstitutionId, message.UserId, active: false, message.OccurredAt, cancellationToken);
}
