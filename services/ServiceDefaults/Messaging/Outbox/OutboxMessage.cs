using System.Diagnostics;
using System.Text.Json;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>An event waiting to be published (or already published), stored with the change that caused it.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    /// <summary>Insertion order: the dispatcher publishes in this order.</summary>
    public long Sequence { get; private set; }

    /// <summary>The MassTransit message id, so consumers can recognise a redelivery.</summary>
    public Guid MessageId { get; private set; }

    public string MessageType { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    /// <summary>W3C trace context of the request that caused the event, so the trace continues over the bus.</summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create<TMessage>(TMessage message, Guid messageId, DateTimeOffset? createdAt = null)
        where TMessage : class
    {
        var current = Activity.Current;
        return new OutboxMessage
        {
            MessageId = messageId,
            MessageType = MessageTypes.NameOf(message.GetType()),
            Payload = JsonSerializer.Serialize(message, message.GetType(), JsonSerializerOptions.Web),
            TraceParent = current?.Id is { } id && current.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = current?.TraceStateString,
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
        };
    }

    /// <summary>The event as stored; throws <see cref="OutboxMessageUnreadableException"/> when that cannot be done.</summary>
    public object Deserialize()
    {
        var type = MessageTypes.Resolve(MessageType);
        try
        {
            return JsonSerializer.Deserialize(Payload, type, JsonSerializerOptions.Web)
                ?? throw new OutboxMessageUnreadableException($"Outbox message {MessageId} has an empty payload.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new OutboxMessageUnreadableException($"Outbox message {MessageId} does not read as {MessageType}: {ex.Message}", ex);
        }
    }

    internal void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        Attempts++;
        LastError = null;
    }

    /// <summary>A failure of the row itself: counts toward <see cref="OutboxOptions.MaxAttempts"/>.</summary>
    internal void RecordFailure(string error)
    {
        Attempts++;
        LastError = Truncate(error);
    }

    /// <summary>The broker was away: remembered for the operator, not counted against the row.</summary>
    internal void RecordTransientFailure(string error) => LastError = Truncate(error);

    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;
}
