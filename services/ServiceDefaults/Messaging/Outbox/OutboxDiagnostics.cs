using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>Spans and metrics of the outbox relay.</summary>
public static class OutboxDiagnostics
{
    public const string SourceName = "Lms.Outbox";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>("lms.outbox.published", description: "Outbox messages published");
    internal static readonly Counter<long> Failed = Meter.CreateCounter<long>("lms.outbox.failed", description: "Outbox publish attempts that failed");
    internal static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("lms.outbox.dead_letters", description: "Outbox messages moved to outbox_dead_letters after failing for a reason of their own");

    /// <summary>
    /// A producer span parented on the request that stored the message, so MassTransit's publish span, and
    /// through its headers the consumer's, belong to the same trace as that request.
    /// </summary>
    internal static Activity? StartPublish(OutboxMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        var activity = Source.StartActivity($"outbox publish {message.MessageType.Split(',')[0]}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);
        activity?.SetTag("lms.outbox.sequence", message.Sequence);
        return activity;
    }
}
