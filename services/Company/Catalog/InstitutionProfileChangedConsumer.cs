using Lms.Company.Data;
using Lms.Contracts.Institutions;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Company.Catalog;

/// <summary>Keeps institution names in the catalog copy current when an institution renames itself.</summary>
public sealed class InstitutionProfileChangedConsumer(CompanyDbContext db, TimeProvider clock, ILogger<InstitutionProfileChangedConsumer> logger)
    : InboxConsumer<InstitutionProfileChanged, CompanyDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(InstitutionProfileChanged message, CancellationToken cancellationToken) =>
        await Db.CatalogCourses.Where(c => c.InstitutionId == message.InstitutionId && c.InstitutionVersion < message.Version)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.InstitutionName, message.Name)
                .SetProperty(x => x.InstitutionVersion, message.Version), cancellationToken);
}
