using System.Collections.Concurrent;

namespace Lms.ServiceDefaults.Messaging.Outbox;

/// <summary>How an event's type is written into the outbox and found again: "Full.Name, Assembly", no version.</summary>
internal static class MessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) =>
        Resolved.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false)
            ?? throw new OutboxMessageUnreadableException($"Outbox message type '{n}' is not known to this service."));
}
