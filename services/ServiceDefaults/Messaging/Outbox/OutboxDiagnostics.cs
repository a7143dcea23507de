using System.Diagnostics;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>Spans of the outbox relay; its metrics are <see cref="OutboxMetrics"/> and <see cref="OutboxBacklogGauges"/>.</summary>
public static class OutboxDiagnostics
{
    public const string SourceName = "Lms.Outbox";

    private static readonly ActivitySource Source = new(SourceName);

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
