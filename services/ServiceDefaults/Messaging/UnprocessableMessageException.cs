namespace Lms.ServiceDefaults.Messaging;

/// <summary>
/// Thrown by a consumer when a message can never succeed however long it waits (it names something this service will
/// never have). The consumer retries skip it, so the message goes to its <c>_error</c> queue at once instead of holding
/// a consumer slot through the spaced retries meant for a database or broker that is briefly away.
/// </summary>
public sealed class UnprocessableMessageException(string message) : Exception(message);
