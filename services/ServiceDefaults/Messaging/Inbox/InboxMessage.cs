namespace Lms.ServiceDefaults.Messaging.Inbox;

/// <summary>A message a consumer has handled; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage(Guid messageId, string consumer, DateTimeOffset processedAt)
{
    public Guid MessageId { get; private set; } = messageId;

    public string Consumer { get; private set; } = consumer;

    public DateTimeOffset ProcessedAt { get; private set; } = processedAt;
}
