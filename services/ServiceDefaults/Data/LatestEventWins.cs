using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Data;

/// <summary>A projected "is this person in it now" row: who manages an institution, who is enrolled in a class.</summary>
public interface ITimedMembership
{
    bool Active { get; set; }

    DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// The rule for such rows: "added" and "removed" events travel on separate queues and may arrive in either
/// order, so the one that happened later wins, whichever is handled last.
/// </summary>
public static class LatestEventWins
{
    public static async Task ApplyAsync<TRow>(DbSet<TRow> rows, object[] key, Func<TRow> create, bool active, DateTimeOffset at,
        CancellationToken cancellationToken)
        where TRow : class, ITimedMembership
    {
        var row = await rows.FindAsync(key, cancellationToken);
        if (row is null)
        {
            row = create();
            row.Active = active;
            row.ChangedAt = at;
            rows.Add(row);
        }
        else if (at >= row.ChangedAt)
        {
            row.Active = active;
            row.ChangedAt = at;
        }
    }
}
