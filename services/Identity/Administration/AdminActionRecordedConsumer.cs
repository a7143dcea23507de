using Lms.Contracts.Administration;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Administration;

/// <summary>Adds the other services' admin actions (an institution or a company suspended, reinstated) to the audit trail.</summary>
public sealed class AdminActionRecordedConsumer(AccountsDbContext db, TimeProvider clock, ILogger<AdminActionRecordedConsumer> logger)
    : InboxConsumer<AdminActionRecorded, AccountsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(AdminActionRecorded message, CancellationToken cancellationToken)
    {
        // The inbox drops a redelivery; the id also holds against the same action published twice by a retried relay.
        if (!await Db.AdminActions.AnyAsync(a => a.Id == message.ActionId, cancellationToken))
        {
            Db.AdminActions.Add(AdminAction.From(message));
        }
    }
}
