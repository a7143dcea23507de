namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>Hands one stored message to the broker; throws if the broker did not take it.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}
