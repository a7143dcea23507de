using System.Collections.Concurrent;
using Lms.ServiceDefaults.Messaging;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.ServiceDefaults.Tests.Inbox;

/// <summary>
/// Changes an existing row (appends "+" to its note), as a projection updating a read model does, and fails after
/// saving on the first attempt at each ping (or as many as <see cref="FailingAttempts"/> says) so the retry has to start
/// from what the database holds.
/// </summary>
public sealed class AppendingConsumer(TestDbContext db, TimeProvider clock, ILogger<AppendingConsumer> logger)
    : InboxConsumer<Ping, TestDbContext>(db, clock, logger)
{
    /// <summary>The context each attempt ran with, per ping: a pooled instance is a new lease each time it is handed out.</summary>
    public static ConcurrentDictionary<Guid, ConcurrentQueue<DbContextId>> Contexts { get; } = new();

    /// <summary>How many attempts at a ping fail, when more than the first.</summary>
    public static ConcurrentDictionary<Guid, int> FailingAttempts { get; } = new();

    /// <summary>Pings whose every attempt says waiting cannot help.</summary>
    public static ConcurrentDictionary<Guid, bool> Unprocessable { get; } = new();

    /// <summary>When each attempt began, per ping.</summary>
    public static ConcurrentDictionary<Guid, ConcurrentQueue<DateTimeOffset>> Started { get; } = new();

    protected override async Task HandleAsync(Ping message, CancellationToken cancellationToken)
    {
        var attempts = Contexts.GetOrAdd(message.Key, _ => new ConcurrentQueue<DbContextId>());
        attempts.Enqueue(Db.ContextId);
        Started.GetOrAdd(message.Key, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(DateTimeOffset.UtcNow);

        var effect = await Db.Effects.SingleAsync(e => e.Key == message.Key, cancellationToken);
        effect.Note += "+";
        await Db.SaveChangesAsync(cancellationToken);
        if (Unprocessable.ContainsKey(message.Key))
        {
            throw new UnprocessableMessageException("this ping names something that will never exist");
        }
        if (attempts.Count <= FailingAttempts.GetValueOrDefault(message.Key, 1))
        {
            throw new InvalidOperationException($"attempt {attempts.Count} fails after saving; its transaction rolls back");
        }
    }
}
