namespace Lms.ServiceDefaults.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often pending rows are looked for when nothing signalled new ones.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker before the row is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest pause between attempts while the broker is unreachable.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Failed attempts of one row, for reasons that are the row's own (see <see cref="OutboxFailureKind.Permanent"/>),
    /// after which it is moved to <c>outbox_dead_letters</c> and the relay goes on with the next row. A broker outage
    /// counts no attempts.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the backlog (pending rows, the oldest one's age, dead letters) is measured for the gauges.</summary>
    public TimeSpan MeasureInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sent rows and inbox records older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
