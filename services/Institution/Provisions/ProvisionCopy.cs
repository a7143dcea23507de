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
}

public sealed class CourseProvisionChangedConsumer(InstitutionDbContext db, TimeProvider clock, ILogger<CourseProvisionChangedConsumer> logger)
    : InboxConsumer<CourseProvisionChanged, InstitutionDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(CourseProvisionChanged message, CancellationToken cancellationToken)
    {
        var copy = await Db.Provisions.FindAsync([message.ProvisionId], cancellationToken);
        if (copy is null)
        {
            copy = new ProvisionCopy { Id = message.ProvisionId };
            Db.Provisions.Add(copy);
        }
        else if (copy.Version >= message.Version)
        {
            return;
        }

        copy.InstitutionId = message.InstitutionId;
        copy.CompanyId = message.CompanyId;
        copy.CompanyName = message.CompanyName;
        copy.CourseId = message.CourseId;
        copy.CourseTitle = message.CourseTitle;
        copy.BeginDate = message.BeginDate;
        copy.EndDate = message.EndDate;
        copy.Seats = message.Seats;
        copy.Deposit = message.Deposit;
        copy.State = message.State;
        copy.Roster = [.. message.Roster];
        copy.History = [.. message.History];
        copy.Version = message.Version;
        copy.UpdatedAt = message.History.Count > 0 ? message.History[^1].At : Clock.GetUtcNow();
    }
}
