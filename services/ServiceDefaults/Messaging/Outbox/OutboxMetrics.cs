using System.Diagnostics.Metrics;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The relay's counters (meter <c>Lms.Outbox</c>, one per service process). Publishing attempts use OpenTelemetry's
/// messaging convention, <c>messaging.client.sent.messages</c>, with <c>error.type</c> on a failed attempt; a row moved
/// to <c>outbox_dead_letters</c> adds to <c>lms.outbox.dead_letters</c>. The backlog gauges are
/// <see cref="OutboxBacklogGauges"/>'.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Lms.Outbox";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _deadLettered;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("messaging.client.sent.messages", "{message}",
            "Outbox rows the relay tried to publish; error.type is set on a failed attempt");
        _deadLettered = meter.CreateCounter<long>("lms.outbox.dead_letters", "{message}",
            "Outbox rows moved to outbox_dead_letters after failing for a reason of their own");
    }

    public void Published(OutboxMessage message) => _sent.Add(1, Tags(message));

    /// <summary><paramref name="kind"/> says whether the broker was away (not counted against the row) or the row failed.</summary>
    public void Failed(OutboxMessage message, OutboxFailureKind kind, Exception exception)
    {
        var tags = Tags(message);
        tags.Add("error.type", exception.GetType().FullName);
        tags.Add("lms.outbox.failure", kind == OutboxFailureKind.Transient ? "transient" : "permanent");
        _sent.Add(1, tags);
    }

    public void DeadLettered(OutboxMessage message) =>
        _deadLettered.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", Destination(message)));

    private static System.Diagnostics.TagList Tags(OutboxMessage message) => new()
    {
        { "messaging.system", "rabbitmq" },
        { "messaging.operation.name", "publish" },
        { "messaging.operation.type", "send" },
        // MassTransit publishes each event type to an exchange of that type's name.
        { "messaging.destination.name", Destination(message) },
    };

    private static string Destination(OutboxMessage message) => message.MessageType.Split(',')[0];
}
