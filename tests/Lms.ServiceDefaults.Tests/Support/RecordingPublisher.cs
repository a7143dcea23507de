using System.Collections.Concurrent;
using System.Diagnostics;
using Lms.ServiceDefaults.Messaging.Outbox;

namespace Lms.ServiceDefaults.Tests.Support;

/// <summary>Stands in for the broker: records what was published and can refuse chosen messages.</summary>
public sealed class RecordingPublisher : IOutboxPublisher
{
    private readonly ConcurrentQueue<Published> _published = new();

    public Func<object, bool> Refuse { get; set; } = _ => false;

    public IReadOnlyList<Published> Published => [.. _published];

    public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Deserialize();
        if (Refuse(payload))
        {
            throw new InvalidOperationException("broker unreachable");
        }

        _published.Enqueue(new Published(message.MessageId, payload, Activity.Current?.TraceId));
        return Task.CompletedTask;
    }

    public void Reset()
    {
        _published.Clear();
        Refuse = _ => false;
    }
}

public sealed record Published(Guid MessageId, object Payload, ActivityTraceId? TraceId);
