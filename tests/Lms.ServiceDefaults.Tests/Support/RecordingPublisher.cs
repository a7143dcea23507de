using System.Collections.Concurrent;
using System.Diagnostics;
using Lms.ServiceDefaults.Messaging.Outbox;
using MassTransit;

namespace Lms.ServiceDefaults.Tests.Support;

/// <summary>
/// Stands in for the broker: records what was published, and for chosen messages can be away (a publish that times
/// out, as MassTransit's does while the broker is down) or say no (a nack, as RabbitMQ answers a publish it refuses).
/// </summary>
public sealed class RecordingPublisher : IOutboxPublisher
{
    private readonly ConcurrentQueue<Published> _published = new();

    /// <summary>The broker is unreachable for these: transient.</summary>
    public Func<object, bool> Refuse { get; set; } = _ => false;

    /// <summary>The broker refuses these: the row's own fault.</summary>
    public Func<object, bool> Reject { get; set; } = _ => false;

    public IReadOnlyList<Published> Published => [.. _published];

    public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Deserialize();
        if (Refuse(payload))
        {
            throw new OperationCanceledException("broker unreachable");
        }

        if (Reject(payload))
        {
            throw new MessageNotAcknowledgedException(new Uri("rabbitmq://127.0.0.1/test"), "broker refused the message");
        }

        _published.Enqueue(new Published(message.MessageId, payload, Activity.Current?.TraceId));
        return Task.CompletedTask;
    }

    public void Reset()
    {
        _published.Clear();
        Refuse = _ => false;
        Reject = _ => false;
    }
}

public sealed record Published(Guid MessageId, object Payload, ActivityTraceId? TraceId);
