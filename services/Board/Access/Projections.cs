using Lms.Board.Data;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Memberships;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Board.Access;

public sealed class BoardProvision
{
    public Guid ProvisionId { get; set; }

    public Guid InstitutionId { get; set; }

    public string CourseTitle { get; set; } = string.Empty;
}

public sealed class BoardEnrollment : ITimedMembership
{
    public Guid ProvisionId { get; set; }

    public Guid UserId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class BoardManager : ITimedMembership
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
        LatestEventWins.ApplyAsync(Db.Enrollments, [message.ProvisionId, message.UserId],
            () => new BoardEnrollment { ProvisionId = message.ProvisionId, UserId = message.UserId }, active: true, message.ActivatedAt, cancellationToken);
}

public sealed class EnrollmentCancelledConsumer(BoardDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : InboxConsumer<EnrollmentCancelled, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentCancelled message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.Enrollments, [message.ProvisionId, message.UserId],
            () => new BoardEnrollment { ProvisionId = message.ProvisionId, UserId = message.UserId }, active: false, message.CancelledAt, cancellationToken);
}

public sealed class ManagerAddedConsumer(BoardDbContext db, TimeProvider clock, ILogger<ManagerAddedConsumer> logger)
    : InboxConsumer<InstitutionManagerAdded, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerAdded message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.Managers, [message.InstitutionId, message.UserId],
            () => new BoardManager { InstitutionId = message.InstitutionId, UserId = message.UserId }, active: true, message.OccurredAt, cancellationToken);
}

public sealed class ManagerRemovedConsumer(BoardDbContext db, TimeProvider clock, ILogger<ManagerRemovedConsumer> logger)
    : InboxConsumer<InstitutionManagerRemoved, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(InstitutionManagerRemoved message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.Managers, [message.InstitutionId, message.UserId],
            () => new BoardManager { InstitutionId = message.InstitutionId, UserId = message.UserId }, active: false, message.OccurredAt, cancellationToken);
}
