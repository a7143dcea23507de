using Lms.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>What one pass of the relay found.</summary>
public enum DispatchOutcome
{
    /// <summary>Everything pending was published.</summary>
    Drained,

    /// <summary>A full batch was published; more may be waiting.</summary>
    MoreWaiting,

    /// <summary>
    /// A publish failed (the broker is away, or a row failed for a reason of its own and has attempts left); that row
    /// and everything after it wait for the next attempt.
    /// </summary>
    Failed,

    /// <summary>Another instance is relaying this database right now.</summary>
    Busy,
}

/// <summary>
/// The relay: publishes pending outbox rows in sequence order, marks each sent, and keeps trying while the
/// broker is away. A row that fails for a reason of its own (<see cref="OutboxFailureKind.Permanent"/>) is moved
/// to <c>outbox_dead_letters</c> after <see cref="OutboxOptions.MaxAttempts"/>, so one poison row cannot stop the
/// service's events. At-least-once: a crash between publish and mark re-publishes that row with the same
/// message id, which the consumers' inboxes drop. One instance per database relays at a time (named lock),
/// so order holds even when a service runs several instances.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    OutboxMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    private const string LockName = "outbox-relay";

    /// <summary>How many published rows are marked sent in one commit.</summary>
    private const int MarksPerSave = 25;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing needs a started bus; the bus starts with the host.
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            DispatchOutcome outcome;
            try
            {
                outcome = await DispatchPendingAsync(stoppingToken);
                await CleanUpIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(logger, ex);
                outcome = DispatchOutcome.Failed;
            }

            failures = outcome == DispatchOutcome.Failed ? failures + 1 : 0;
            if (outcome == DispatchOutcome.MoreWaiting)
            {
                continue;
            }

            var wait = failures == 0 ? options.Value.PollInterval : Backoff(failures);
            await signal.WaitAsync(wait, stoppingToken);
        }
    }

    /// <summary>
    /// One pass: publishes up to a batch of pending rows in order, stopping at the first failure that leaves the row
    /// in place; a row dead-lettered in this pass is stepped over.
    /// </summary>
    public async Task<DispatchOutcome> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IOutboxPublisher>();

        await using var held = await DatabaseLock.TryAcquireAsync(db, LockName, TimeSpan.Zero, cancellationToken);
        if (held is null)
        {
            return DispatchOutcome.Busy;
        }

        var batchSize = options.Value.BatchSize;
        var batch = await db.OutboxMessages
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(batchSize)
            .ToListAsync(cancellationToken);

        var unsaved = 0;
        foreach (var message in batch)
        {
            try
            {
                using (OutboxDiagnostics.StartPublish(message))
                {
                    await publisher.PublishAsync(message, cancellationToken);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (await HandleFailureAsync(db, message, ex) == FailureHandling.Stop)
                {
                    return DispatchOutcome.Failed;
                }

                // Dead-lettered: the rows after it go on, in order.
                continue;
            }

            // Marks are saved every few rows, not after each: a commit per row (a log flush each) held the relay to about
            // ten events a second on a busy machine. A crash re-publishes at most the unsaved rows, with their message
            // ids, which the consumers' inboxes drop. A failure's own save below writes the marks before it.
            message.MarkSent(clock.GetUtcNow());
            metrics.Published(message);
            if (++unsaved == MarksPerSave)
            {
                await db.SaveChangesAsync(CancellationToken.None);
                unsaved = 0;
            }
        }

        if (unsaved > 0)
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return batch.Count == batchSize ? DispatchOutcome.MoreWaiting : DispatchOutcome.Drained;
    }

    private enum FailureHandling
    {
        Stop,
        DeadLettered,
    }

    /// <summary>
    /// A broker that is away stops the relay at this row without counting against it; a row that fails for a reason of
    /// its own is counted, and after <see cref="OutboxOptions.MaxAttempts"/> moved to the dead letters.
    /// </summary>
    private async Task<FailureHandling> HandleFailureAsync(TContext db, OutboxMessage message, Exception ex)
    {
        var kind = OutboxFailures.Classify(ex);
        metrics.Failed(message, kind, ex);
        if (kind == OutboxFailureKind.Transient)
        {
            message.RecordTransientFailure(ex.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            LogBrokerAway(logger, message.MessageId, message.MessageType, ex.Message);
            return FailureHandling.Stop;
        }

        message.RecordFailure(ex.Message);
        if (message.Attempts < options.Value.MaxAttempts)
        {
            await db.SaveChangesAsync(CancellationToken.None);
            LogPublishFailed(logger, message.MessageId, message.MessageType, message.Attempts, options.Value.MaxAttempts, ex.Message);
            return FailureHandling.Stop;
        }

        // One SaveChanges, one transaction: the row is in exactly one of the two tables.
        db.OutboxDeadLetters.Add(OutboxDeadLetter.From(message, clock.GetUtcNow()));
        db.OutboxMessages.Remove(message);
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.DeadLettered(message);
        LogDeadLettered(logger, message.MessageId, message.MessageType, message.Attempts, ex.Message);
        return FailureHandling.DeadLettered;
    }

    private async Task CleanUpIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now.AddHours(1);
        var cutoff = now - options.Value.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Min(failures, 10)) / 2, options.Value.MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} ({MessageType}) not published, broker unavailable; waiting: {Error}")]
    private static partial void LogBrokerAway(ILogger logger, Guid messageId, string messageType, string error);

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} ({MessageType}) not published, attempt {Attempts} of {MaxAttempts}: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempts, int maxAttempts, string error);

    [LoggerMessage(LogLevel.Error, "Outbox message {MessageId} ({MessageType}) moved to outbox_dead_letters after {Attempts} attempts; the relay goes on without it (./lms dead-letters): {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, string messageType, int attempts, string error);

    [LoggerMessage(LogLevel.Error, "Outbox relay pass failed")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
