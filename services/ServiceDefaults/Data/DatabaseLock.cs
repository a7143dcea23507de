using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Data;

/// <summary>
/// A MySQL named lock, held by the context's open connection: how work that only one instance of a service
/// may do at a time (migrations, the outbox relay, catch-up jobs) is coordinated without extra servers.
/// </summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly string _name;

    private DatabaseLock(DbContext db, string name)
    {
        _db = db;
        _name = name;
    }

    /// <summary>Returns the held lock, or null when another connection holds it past <paramref name="wait"/>.</summary>
    public static async Task<DatabaseLock?> TryAcquireAsync(DbContext db, string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var acquired = await db.Database
            .SqlQuery<int?>($"SELECT GET_LOCK(CONCAT(DATABASE(), '.', {name}), {seconds}) AS `Value`")
            .SingleAsync(cancellationToken);
        if (acquired == 1)
        {
            return new DatabaseLock(db, name);
        }

        await db.Database.CloseConnectionAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _db.Database
                .SqlQuery<int?>($"SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.', {_name})) AS `Value`")
                .SingleAsync();
        }
        finally
        {
            // Closing the connection releases the lock even if the statement above failed.
            await _db.Database.CloseConnectionAsync();
        }
    }
}
