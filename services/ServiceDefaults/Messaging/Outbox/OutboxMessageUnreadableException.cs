namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// A stored outbox row this service cannot turn back into an event: its type is unknown (renamed or removed) or its
/// payload does not fit the type. Retrying cannot help until someone changes the code or the row.
/// </summary>
public sealed class OutboxMessageUnreadableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
