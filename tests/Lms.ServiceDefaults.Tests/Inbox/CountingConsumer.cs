using System.Collections.Concurrent;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.ServiceDefaults.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Lms.ServiceDefaults.Tests.Inbox;

/// <summary>Records one effect row per handled ping, and can be told to fail after writing it.</summary>
public sealed class CountingConsumer(TestDbContext db, TimeProvider clock, ILogger<CountingConsumer> logger)
    : InboxConsumer<Ping, TestDbContext>(db, clock, logger)
{
    public static ConcurrentDictionary<Guid, int> FailuresLeft { get; } = new();

    protected override async Task HandleAsync(Ping message, CancellationToken cancellationToken)
    {
        Db.Effects.Add(new Effect { Key = message.Key, Note = message.Note });
        await Db.SaveChangesAsync(cancellationToken);
        if (FailuresLeft.TryGetValue(message.Key, out var left) && left > 0)
        {
            FailuresLeft[message.Key] = left - 1;
            throw new InvalidOperationException("the handler failed after writing");
        }
    }
}
