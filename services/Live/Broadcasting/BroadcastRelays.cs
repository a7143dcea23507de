using System.Collections.Concurrent;

namespace Lms.Live.Broadcasting;

/// <summary>
/// The browser broadcasts running on this instance, one per session: a second one for the same session is refused while
/// the first holds its place. Across instances the ingest decides (nginx-rtmp's <c>on_publish</c> admits a session's key
/// once, while it is SCHEDULED).
/// </summary>
public sealed class BroadcastRelays
{
    private readonly ConcurrentDictionary<Guid, RunningRelay> running = new();

    /// <summary>Takes the session's place; false when a broadcast already holds it.</summary>
    public bool TryClaim(Guid sessionId, RunningRelay relay) => running.TryAdd(sessionId, relay);

    /// <summary>Gives the place back, only if <paramref name="relay"/> is the one holding it.</summary>
    public void Release(Guid sessionId, RunningRelay relay) => running.TryRemove(KeyValuePair.Create(sessionId, relay));

    public bool IsRunning(Guid sessionId) => running.ContainsKey(sessionId);

    /// <summary>The relay's ffmpeg process id while it runs (for operators' diagnostics and the tests).</summary>
    public int? ProcessId(Guid sessionId) => running.TryGetValue(sessionId, out var relay) ? relay.ProcessId : null;
}

/// <summary>One broadcast's place in <see cref="BroadcastRelays"/>; the process id is set once ffmpeg runs.</summary>
public sealed class RunningRelay
{
    public int? ProcessId { get; set; }
}
