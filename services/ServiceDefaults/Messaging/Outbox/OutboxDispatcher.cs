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

    /// <summary>A publish failed; that row and everything after it wait for the next attempt.</summary>
    Failed,

    /// <summary>Another instance is relaying this database right now.</summary>
    Busy,
}

/// <summary>
/// The relay: publishes pending outbox rows in sequence order, marks each sent, and keeps trying while the
/// broker is away. At-least-once: a crash between publish and mark re-publishes that row with the same
/// message id, which the consumers' inboxes drop. One instance per database relays at a time (named lock),
/// so order holds even when a service runs several instances.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    private const string LockName = "outbox-relay";
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

    /// <summary>One pass: publishes up to a batch of pending rows in order, stopping at the first failure.</summary>
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
                message.RecordFailure(ex.Message);
                await db.SaveChangesAsync(CancellationToken.None);
                OutboxDiagnostics.Failed.Add(1);
                LogPublishFailed(logger, message.MessageId, message.MessageType, message.Attempts, ex.Message);
                return DispatchOutcome.Failed;
            }

            // Marked one by one: a crash re-publishes at most the row in flight.
            message.MarkSent(clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            OutboxDiagnostics.Published.Add(1);
        }

        return batch.Count == batchSize ? DispatchOutcome.MoreWaiting : DispatchOutcome.Drained;
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

    [LoggerMessage(LogLevel.Warning, "Outbox message {MessageId} ({MessageType}) not published, attempt {Attempts}: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string messageType, int attempts, string error);

    [LoggerMessage(LogLevel.Error, "Outbox relay pass failed")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
