namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// An outbox row the relay gave up on: its type could not be resolved, it could not be serialized, or the broker
/// refused it, <see cref="OutboxOptions.MaxAttempts"/> times. Moved out of the outbox so the rows after it go on;
/// kept with its message id, payload and trace so <c>./lms dead-letters requeue</c> can put it back unchanged.
/// </summary>
public sealed class OutboxDeadLetter
{
    private OutboxDeadLetter()
    {
    }

    public long Id { get; private set; }

    /// <summary>Where it stood in the outbox, for the operator reading the list.</summary>
    public long OriginalSequence { get; private set; }

    public Guid MessageId { get; private set; }

    public string MessageType { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset DeadLetteredAt { get; private set; }

    public int Attempts { get; private set; }

    public string Error { get; private set; } = string.Empty;

    internal static OutboxDeadLetter From(OutboxMessage message, DateTimeOffset at) => new()
    {
        OriginalSequence = message.Sequence,
        MessageId = message.MessageId,
        MessageType = message.MessageType,
        Payload = message.Payload,
        TraceParent = message.TraceParent,
        TraceState = message.TraceState,
        CreatedAt = message.CreatedAt,
        DeadLetteredAt = at,
        Attempts = message.Attempts,
        Error = message.LastError ?? string.Empty,
    };
}
