using Lms.Contracts.Provisions;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Institution.Provisions;

/// <summary>
/// The institution's copy of a course provision. The company service keeps the authoritative record; this copy
/// follows its snapshots (highest version wins) so the institution can list and read its provisions locally.
/// </summary>
public sealed class ProvisionCopy
{
    public Guid Id { get; set; }

    public Guid InstitutionId { get; set; }

    public Guid CompanyId { get; set; }

    public string CompanyName { get; set; } = string.Empty;

    public Guid CourseId { get; set; }

    public string CourseTitle { get; set; } = string.Empty;

    public DateOnly BeginDate { get; set; }

    public DateOnly EndDate { get; set; }

    public int Seats { get; set; }

    public string? Deposit { get; set; }

    public string State { get; set; } = string.Empty;

    public List<Guid> Roster { get; set; } = [];

    public List<ProvisionTransition> History { get; set; } = [];

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Employees the company asks to add to the registered roster, waiting for this institution's decision.</summary>
    public List<Guid> PendingAdditions { get; set; } = [];

    /// <summary>Learners who left the roster after making progress and still hold a seat.</summary>
    public List<Guid> ConsumedSeats { get; set; } = [];

    public long AmendmentVersion { get; set; }

    /// <summary>Takes a snapshot of the authoritative record if it is newer than this copy; true when it changed anything.</summary>
    public bool Follow(CourseProvisionChanged message)
    {
        if (Version >= message.Version && Version > 0)
        {
            return false;
        }

        InstitutionId = message.InstitutionId;
        CompanyId = message.CompanyId;
        CompanyName = message.CompanyName;
        CourseId = message.CourseId;
        CourseTitle = message.CourseTitle;
        BeginDate = message.BeginDate;
        EndDate = message.EndDate;
        Seats = message.Seats;
        Deposit = message.Deposit;
        State = message.State;
        Roster = [.. message.Roster];
        History = [.. message.History];
        Version = message.Version;
        UpdatedAt = message.History.Count > 0 ? message.History[^1].At : UpdatedAt;
        return true;
    }

    public bool Follow(RosterAmendmentChanged message)
    {
        if (AmendmentVersion >= message.Version)
        {
            return false;
        }

        PendingAdditions = [.. message.PendingAdditions];
        ConsumedSeats = [.. message.ConsumedSeats];
        AmendmentVersion = message.Version;
        return true;
    }
}

public sealed class CourseProvisionChangedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<CourseProvisionChangedConsumer> logger)
    : InboxConsumer<CourseProvisionChanged, InstitutionDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CourseProvisionChanged message, CancellationToken cancellationToken)
    {
        var copy = await Db.Provisions.FindAsync([message.ProvisionId], cancellationToken);
        if (copy is null)
        {
            copy = new ProvisionCopy { Id = message.ProvisionId, UpdatedAt = Clock.GetUtcNow() };
            Db.Provisions.Add(copy);
        }
        copy.Follow(message);
    }
}

/// <summary>The pending roster amendment of a registered provision, kept beside the copy so managers can decide on it.</summary>
public sealed class RosterAmendmentChangedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<RosterAmendmentChangedConsumer> logger)
    : InboxConsumer<RosterAmendmentChanged, InstitutionDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(RosterAmendmentChanged message, CancellationToken cancellationToken)
    {
        var copy = await Db.Provisions.FindAsync([message.ProvisionId], cancellationToken);
        if (copy is null)
        {
            // The amendment outran the snapshot it accompanies; the copy is created with it and filled by the snapshot.
            copy = new ProvisionCopy { Id = message.ProvisionId, InstitutionId = message.InstitutionId, CompanyId = message.CompanyId, UpdatedAt = Clock.GetUtcNow() };
            Db.Provisions.Add(copy);
        }
        copy.Follow(message);
    }
}
