using Lms.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace Lms.ServiceDefaults.Data;

public static class PagedQueries
{
    /// <summary>One page of an ordered query and the total of the whole query: <c>{items, page, size, total}</c>.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int size, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<T>(items, page, size, total);
    }
}
