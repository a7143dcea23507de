using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lms.Institution.Catalog;

/// <summary>
/// Makes MariaDB join the catalog's tables in the order the query names them (<c>SELECT STRAIGHT_JOIN</c>) for queries
/// tagged with <see cref="Tag"/>. The catalog's plans only work that way round: its grams (or the published courses)
/// read newest first from an index, a page stopping at its size. Left to itself, with statistics that lag behind a bulk
/// load or that see a few institutions, the optimizer starts from the institutions and sorts every published course:
/// measured at 100,000 courses, 1 s for the plain page and 3–7 s for a common word, against 1–3 ms in this order.
/// </summary>
public sealed class CatalogJoinOrder : DbCommandInterceptor
{
    public const string Tag = "catalog: join in written order";

    public static CatalogJoinOrder Instance { get; } = new();

    private CatalogJoinOrder()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Rewrite(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Rewrite(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        return ValueTask.FromResult(result);
    }

    // EF writes the tag as a leading comment; every SELECT of a tagged query (a count's subquery too) gets the hint.
    private static void Rewrite(DbCommand command)
    {
        if (command.CommandText.StartsWith("-- " + Tag, StringComparison.Ordinal))
        {
            command.CommandText = command.CommandText.Replace("SELECT ", "SELECT STRAIGHT_JOIN ", StringComparison.Ordinal);
        }
    }
}
