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

/// <summary>A learner's enrollment in a class: whether it opens the board now and until which day (the rule is <see cref="BoardAccess"/>).</summary>
public sealed class BoardEnrollment : ITimedMembership
{
    public Guid ProvisionId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Activated, or completed and still the learner's; false once cancelled or closed by leaving.</summary>
    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The provision's last day (Korea time); null for an enrollment activated before the events carried it.</summary>
    public DateOnly? EndDate { get; set; }
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
        BoardAccess.ApplyAsync(Db, message.ProvisionId, message.UserId, open: true, message.ActivatedAt, cancellationToken, message.EndDate);
}

public sealed class EnrollmentCancelledConsumer(BoardDbContext db, TimeProvider clock, ILogger<EnrollmentCancelledConsumer> logger)
    : InboxConsumer<EnrollmentCancelled, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentCancelled message, CancellationToken cancellationToken) =>
        BoardAccess.ApplyAsync(Db, message.ProvisionId, message.UserId, open: false, message.CancelledAt, cancellationToken);
}

/// <summary>A completed learner left the company or the roster (closed), or was put back on it (open).</summary>
public sealed class EnrollmentAccessChangedConsumer(BoardDbContext db, TimeProvider clock, ILogger<EnrollmentAccessChangedConsumer> logger)
    : InboxConsumer<EnrollmentAccessChanged, BoardDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(EnrollmentAccessChanged message, CancellationToken cancellationToken) =>
        BoardAccess.ApplyAsync(Db, message.ProvisionId, message.UserId, message.Open, message.ChangedAt, cancellationToken);
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
