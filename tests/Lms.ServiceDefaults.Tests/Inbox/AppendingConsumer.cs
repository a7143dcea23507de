using System.Collections.Concurrent;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.ServiceDefaults.Tests.Inbox;

/// <summary>
/// Changes an existing row (appends "+" to its note), as a projection updating a read model does, and fails after
/// saving on the first attempt at each ping so the retry has to start from what the database holds.
/// </summary>
public sealed class AppendingConsumer(TestDbContext db, TimeProvider clock, ILogger<AppendingConsumer> logger)
    : InboxConsumer<Ping, TestDbContext>(db, clock, logger)
{
    /// <summary>The context instance each attempt ran with, per ping.</summary>
    public static ConcurrentDictionary<Guid, ConcurrentQueue<Guid>> Contexts { get; } = new();

    protected override async Task HandleAsync(Ping message, CancellationToken cancellationToken)
    {
        var attempts = Contexts.GetOrAdd(message.Key, _ => new ConcurrentQueue<Guid>());
        attempts.Enqueue(Db.ContextId.InstanceId);

        var effect = await Db.Effects.SingleAsync(e => e.Key == message.Key, cancellationToken);
        effect.Note += "+";
        await Db.SaveChangesAsync(cancellationToken);
        if (attempts.Count == 1)
        {
            throw new InvalidOperationException("the first attempt fails after saving; its transaction rolls back");
        }
    }
}
