using Lms.Board.Data;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Memberships;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Board.Access;

public sealed class BoardProvision
{
    public Guid ProvisionId { get; set; }

    public Guid InstitutionId { get; set; }

    public string CourseTitle { get; set; } = string.Empty;
}

public sealed class BoardEnrollment
{
    public Guid ProvisionId { get; set; }

    public Guid UserId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class BoardManager
{
    public Guid InstitutionId { get; set; }

    public Guid UserId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class ProvisionConsumer(BoardDbContext db, TimeProvider clock, ILogger<ProvisionConsumer> logger)
    : InboxConsumer<CourseProvisionChanged, BoardDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CourseProvisionChanged message, CancellationToken cancellationToken)
    {
        if (await Db.Provisions.FindAsync([message.ProvisionId], cancellationToken) is null)
        {
            Db.Provisions.Add(new BoardProvision { ProvisionId = message.ProvisionId, InstitutionId = message.InstitutionId, CourseTitle = message.CourseTitle });
        }
    }
}

public sealed class EnrollmentActivatedConsumer(BoardDbContext db, TimeProvider clock, ILogger<EnrollmentActivatedConsumer> logger)
    : InboxConsumer<EnrollmentActivated, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentActivated message, CancellationToken cancellationToken) =>
        EnrollmentProjection.ApplyAsync(Db, message.ProvisionId, message.UserId, active: true, message.ActivatedAt, cancellationToken);
}

public sealed class EnrollmentCancelledConsumer(BoardDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : InboxConsumer<EnrollmentCancelled, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentCancelled message, CancellationToken cancellationToken) =>
        EnrollmentProjection.ApplyAsync(Db, message.ProvisionId, message.UserId, active: false, message.CancelledAt, cancellationToken);
}

internal static class EnrollmentProjection
{
    // Activation and cancellation may arrive in either order; the later one wins.
    public static async Task ApplyAsync(BoardDbContext db, Guid provisionId, Guid userId, bool active, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var enrollment = await db.Enrollments.FindAsync([provisionId, userId], cancellationToken);
        if (enrollment is null)
        {
            db.Enrollments.Add(new BoardEnrollment { ProvisionId = provisionId, UserId = userId, Active = active, ChangedAt = at });
        }
        else if (at >= enrollment.ChangedAt)
        {
            enrollment.Active = active;
            enrollment.ChangedAt = at;
        }
    }
}

public sealed class ManagerAddedConsumer(BoardDbContext db, TimeProvider clock, ILogger<ManagerAddedConsumer> logger)
    : InboxConsumer<InstitutionManagerAdded, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerAdded message, CancellationToken cancellationToken) =>
        ManagerProjection.ApplyAsync(Db, message.InstitutionId, message.UserId, active: true, message.OccurredAt, cancellationToken);
}

public sealed class ManagerRemovedConsumer(BoardDbContext db, TimeProvider clock, ILogger<ManagerRemovedConsumer> logger)
    : InboxConsumer<InstitutionManagerRemoved, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerRemoved message, CancellationToken cancellationToken) =>
        ManagerProjection.ApplyAsync(Db, message.InstitutionId, message.UserId, active: false, message.OccurredAt, cancellationToken);
}

internal static class ManagerProjection
{
    // Added and removed travel on separate queues and may arrive reversed; the later one wins.
    public static async Task ApplyAsync(BoardDbContext db, Guid institutionId, Guid userId, bool active, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var manager = await db.Managers.FindAsync([institutionId, userId], cancellationToken);
        if (manager is null)
        {
            db.Managers.Add(new BoardManager { InstitutionId = institutionId, UserId = userId, Active = active, ChangedAt = at });
        }
        else if (at >= manager.ChangedAt)
        {
            manager.Active = active;
            manager.ChangedAt = at;
        }
    }
}
