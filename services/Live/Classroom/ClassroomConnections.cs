using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Lms.Live.Classroom;

/// <summary>A connection joined to a session on this instance; <paramref name="SignIn"/> is its access token's session (<c>sid</c>).</summary>
public sealed record JoinedConnection(string ConnectionId, Guid UserId, Guid? SignIn, Guid SessionId, Guid ProvisionId, HubCallerContext Context);

/// <summary>
/// The connections joined to a session on this instance, so that <see cref="ClassroomAccessSweeper"/> can close those
/// whose person lost access. Each instance keeps its own (a connection lives on one instance).
/// </summary>
public sealed class ClassroomConnections
{
    private readonly ConcurrentDictionary<string, JoinedConnection> joined = new(StringComparer.Ordinal);

    public void Join(JoinedConnection connection) => joined[connection.ConnectionId] = connection;

    public void Leave(string connectionId) => joined.TryRemove(connectionId, out _);

    public IReadOnlyCollection<JoinedConnection> Snapshot() => [.. joined.Values];

    /// <summary>Forgets the connection and closes it (the client sees the close and may reconnect, which re-checks access).</summary>
    public void Close(JoinedConnection connection)
    {
        Leave(connection.ConnectionId);
        connection.Context.Abort();
    }
}
