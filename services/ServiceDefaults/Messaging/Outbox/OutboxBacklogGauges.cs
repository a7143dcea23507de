using System.Diagnostics.Metrics;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The outbox's backlog as gauges (meter <c>Lms.Outbox</c>): what <see cref="OutboxBacklogMonitor{TContext}"/> measured
/// last. The oldest pending row's age is reported as of the moment the gauge is read, so a relay that stopped shows an
/// age that keeps growing between two measurements instead of a figure frozen at the last one.
/// </summary>
public sealed class OutboxBacklogGauges
{
    private readonly TimeProvider _clock;
    private OutboxBacklog _latest;

    public OutboxBacklogGauges(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        _latest = OutboxBacklog.Empty(clock.GetUtcNow());
        var meter = meters.Create(OutboxMetrics.MeterName);
        meter.CreateObservableGauge("lms.outbox.pending", () => Latest.Pending, "{message}",
            "Outbox rows stored and not yet published");
        meter.CreateObservableGauge("lms.outbox.oldest_pending.age", () => OldestPendingAge.TotalSeconds, "s",
            "How long the oldest unpublished outbox row has waited (0 when none waits)");
        meter.CreateObservableGauge("lms.outbox.dead_letters.waiting", () => Latest.DeadLetters, "{message}",
            "Rows in outbox_dead_letters, waiting for an operator (./lms dead-letters)");
    }

    public OutboxBacklog Latest => Volatile.Read(ref _latest);

    /// <summary>The oldest pending row's age now: its age when measured plus the time since.</summary>
    public TimeSpan OldestPendingAge
    {
        get
        {
            var latest = Latest;
            return latest.Pending == 0 ? TimeSpan.Zero : latest.OldestPendingAge + (_clock.GetUtcNow() - latest.MeasuredAt);
        }
    }

    public void Record(OutboxBacklog backlog) => Volatile.Write(ref _latest, backlog);
}
