using System.Text.Json;
using MassTransit;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>Why a publish failed, which decides what the relay does with the row.</summary>
public enum OutboxFailureKind
{
    /// <summary>
    /// The broker is away or slow (connection lost, publish timed out, channel closed before confirming): nothing is
    /// wrong with the row. The relay stops at it and waits; the attempt is not counted, so an outage of any length
    /// dead-letters nothing and reorders nothing.
    /// </summary>
    Transient,

    /// <summary>
    /// The row itself is the problem (type not resolvable, payload or message not serializable, the broker refused
    /// it with a nack or returned it). Counted; after <see cref="OutboxOptions.MaxAttempts"/> the row is dead-lettered.
    /// </summary>
    Permanent,
}

/// <summary>Classifies a failed publish. Anything not known to be the row's fault is transient: when in doubt, wait.</summary>
public static class OutboxFailures
{
    public static OutboxFailureKind Classify(Exception exception) =>
        Causes(exception).Any(IsTheRowsFault) ? OutboxFailureKind.Permanent : OutboxFailureKind.Transient;

    private static bool IsTheRowsFault(Exception exception) => exception is
        OutboxMessageUnreadableException
        // MassTransit could not serialize the event (System.Text.Json underneath).
        or System.Runtime.Serialization.SerializationException
        or JsonException
        or NotSupportedException
        // RabbitMQ answered the publish with basic.nack or returned it as unroutable: the broker is up and said no to
        // this message (MassTransit's exceptions, and RabbitMQ.Client 7's own when it surfaces). Measured with
        // MassTransit 8.5.12: a nack from a full reject-publish queue does not reach the caller, the publish just never
        // completes, so it ends in the publish timeout and is treated as the broker being away.
        or MessageNotAcknowledgedException
        or MessageReturnedException
        or RabbitMQ.Client.Exceptions.PublishException;

    /// <summary>The exception and everything it wraps.</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
