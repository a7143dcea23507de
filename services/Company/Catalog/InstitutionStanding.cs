using Lms.Company.Data;
using Lms.Contracts.Institutions;
using Lms.ServiceDefaults.Messaging.Inbox;

namespace Lms.Company.Catalog;

/// <summary>
/// Whether an institution is suspended, kept from the institution service's events (the highest version wins). An
/// institution without a row has never been suspended.
/// </summary>
public sealed class InstitutionStanding
{
    public Guid InstitutionId { get; set; }

    public bool Suspended { get; set; }

    public long Version { get; set; }
}

public sealed class InstitutionSuspensionChangedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<InstitutionSuspensionChangedConsumer> logger)
    : InboxConsumer<InstitutionSuspensionChanged, CompanyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(InstitutionSuspensionChanged message, CancellationToken cancellationToken)
    {
        var standing = await Db.InstitutionStandings.FindAsync([message.InstitutionId], cancellationToken);
        if (standing is null)
        {
            standing = new InstitutionStanding { InstitutionId = message.InstitutionId };
            Db.InstitutionStandings.Add(standing);
        }
        else if (standing.Version >= message.Version)
        {
            return;
        }

        standing.Suspended = message.Suspended;
        standing.Version = message.Version;
    }
}
