using MassTransit;
using Microsoft.Extensions.Options;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>Publishes with the outbox row's message id, which consumers' inboxes use to drop redeliveries.</summary>
internal sealed class MassTransitOutboxPublisher(IBus bus, IOptions<OutboxOptions> options) : IOutboxPublisher
{
    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Deserialize();
        // While the broker is down a publish waits for a connection; give up after a while and retry later.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(payload, payload.GetType(),
            Pipe.Execute<PublishContext>(context => context.MessageId = message.MessageId), timeout.Token);
    }
}
