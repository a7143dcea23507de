using Lms.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Http;

public static class ConflictAwareSave
{
    /// <summary>
    /// Saves, turning the two ways a write can lose a race into 409s instead of 500s: a concurrent change of
    /// the same row (row version) and a duplicate on a unique index that a check before the save could not see.
    /// </summary>
    public static async Task<ProblemHttpResult?> SaveOrConflictAsync(this DbContext db, string uniqueType, string uniqueTitle,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("concurrent-change", "Someone changed this at the same time. Reload and try again.");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Conflict(uniqueType, uniqueTitle);
        }
    }
}
