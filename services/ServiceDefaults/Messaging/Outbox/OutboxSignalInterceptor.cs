using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>Signals the relay after a save or commit that wrote outbox rows.</summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Contexts whose current save adds outbox rows (after the save the entries no longer say so).
    private readonly ConcurrentDictionary<Guid, bool> _savingEvents = new();

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context &&
            context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _savingEvents[context.ContextId.InstanceId] = true;
        }
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Outside a transaction the rows are committed now; inside one, the commit signals.
        if (eventData.Context is { } context && _savingEvents.TryRemove(context.ContextId.InstanceId, out _) &&
            context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _savingEvents.TryRemove(context.ContextId.InstanceId, out _);
        }
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
