using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Data;

/// <summary>
/// A service's DbContext: it carries the outbox and inbox tables, so an event is stored in the same
/// transaction as the state change that caused it. Most contexts derive from <see cref="ServiceDbContext"/>;
/// one that must derive from another base (ASP.NET Core Identity's) implements this and calls
/// <see cref="ServiceModel"/> itself.
/// </summary>
public interface IOutboxDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    /// <summary>Outbox rows the relay gave up on (<c>./lms dead-letters</c> lists and re-queues them).</summary>
    DbSet<OutboxDeadLetter> OutboxDeadLetters { get; }

    DbSet<InboxMessage> InboxMessages { get; }
}
