namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>Measures the service's outbox backlog now (and hands the figures to the gauges).</summary>
public interface IOutboxBacklogMeter
{
    Task<OutboxBacklog> MeasureAsync(CancellationToken cancellationToken);
}
