using System.Globalization;
using System.Text;
using Lms.Institution.Courses;
using Lms.Institution.Dashboard;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Lms.Institution.Catalog;

/// <summary>A catalog row before its category is named and its rating averaged.</summary>
public sealed record CatalogRow(
    Guid Id, string Title, string CategoryCode, Guid InstitutionId, string InstitutionName, int PeriodDays, DateTimeOffset UpdatedAt, int Ratings, int StarsSum);

/// <summary>
/// The catalog's queries. Without text: published courses newest first, read in the order of the (state, updated_at)
/// index. With text: the rows of <c>catalog_grams</c> for the query's rarest gram, newest first from the key, each
/// kept only when the course has the query's next rarest grams too (at most <see cref="MaxJoinedGrams"/> in all) and its
/// title or institution name contains the text (the same test as before the index, so the results are the same); a
/// page stops as soon as it is full.
/// </summary>
public static class CatalogSearch
{
    /// <summary>
    /// The most matches a text search counts: its total is exact up to this, and this when there are more ("1,000 or
    /// more"; every page can still be read). Counting a common word exactly costs as much as reading all its matches:
    /// measured at 100,000 courses on this machine under load, 25–45 ms for the 60,000 index rows of 교육 alone and
    /// hundreds of ms confirming the 25,000 matches of 교육원, while a page needs 20 rows.
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>How far each of a query's grams is counted to find the rarest (<see cref="RankAsync"/>).</summary>
    public const int RankCap = 2_000;

    /// <summary>
    /// How many of a query's grams are joined at most: its rarest, each one more join of <c>catalog_grams</c>. A query
    /// of the maximum length has up to 99 grams and MariaDB joins at most 61 tables in one statement; past a few rare
    /// grams the candidates are few anyway, and the substring test that confirms every match covers the rest.
    /// </summary>
    public const int MaxJoinedGrams = 8;

    /// <summary>One page of the catalog (<c>GET /catalog</c>), with the total of its filter.</summary>
    public static async Task<Paged<CatalogItem>> PageAsync(InstitutionDbContext db, CatalogQuery query, CancellationToken cancellationToken)
    {
        var category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category;
        var text = query.Q?.Trim() ?? string.Empty;
        IQueryable<CatalogRow> rows;
        int total;
        if (CatalogGrams.OfQuery(text) is not { Count: > 0 } grams)
        {
            rows = Published(db, category);
            // The totals count published courses; those of suspended institutions are not listed.
            total = (category is null
                ? await db.CatalogTotals.SumAsync(t => t.Published, cancellationToken)
                : await db.CatalogTotals.Where(t => t.CategoryCode == category).Select(t => t.Published).FirstOrDefaultAsync(cancellationToken))
                - await SuspendedCatalog.PublishedAsync(db, category, cancellationToken);
        }
        else
        {
            var ranked = await RankAsync(db, grams, cancellationToken);
            rows = Matching(db, text, ranked[0].Gram, ranked.Skip(1).Take(MaxJoinedGrams - 1).Select(r => r.Gram), category);
            // A one- or two-character word is contained exactly where its gram is: its index rows are the count, read from
            // the key alone (less those of suspended institutions' courses). Anything else is counted over the confirmed
            // matches. Either way at most CountCap (see there).
            if (category is null && CatalogGrams.IsExact(text))
            {
                var hidden = await SuspendedCatalog.GramRowsAsync(db, ranked[0].Gram, cancellationToken);
                total = Math.Min(CountCap,
                    await db.CatalogGrams.Where(g => g.Gram == ranked[0].Gram).Take(CountCap + hidden).CountAsync(cancellationToken) - hidden);
            }
            else
            {
                total = await rows.Take(CountCap).CountAsync(cancellationToken);
            }
        }

        var page = await rows.Skip((query.Page - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        return new Paged<CatalogItem>(Items(page), query.Page, query.Size, total);
    }

    /// <summary>The response's items: category named, rating averaged.</summary>
    public static IReadOnlyList<CatalogItem> Items(IEnumerable<CatalogRow> rows) =>
        [.. rows.Select(c => new CatalogItem(c.Id, c.Title, CourseEndpoints.CategoryOf(c.CategoryCode), c.InstitutionId, c.InstitutionName, c.PeriodDays,
            DashboardInput.AverageOrNull(c.StarsSum, c.Ratings), c.Ratings))];

    /// <summary>Published courses (of a category) of institutions in good standing, newest change first.</summary>
    public static IQueryable<CatalogRow> Published(InstitutionDbContext db, string? category) => (
        from course in db.Courses.AsNoTracking()
        join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
        where course.State == CourseStates.Published && (category == null || course.CategoryCode == category) && institution.SuspendedAt == null
        join rating in db.CourseRatings.AsNoTracking() on course.Id equals rating.CourseId into ratings
        from rating in ratings.DefaultIfEmpty()
        orderby course.UpdatedAt descending, course.Id descending
        select new CatalogRow(course.Id, course.Title, course.CategoryCode, course.InstitutionId, institution.Name, course.PeriodDays, course.UpdatedAt,
            rating == null ? 0 : rating.Ratings, rating == null ? 0 : rating.StarsSum)).TagWith(CatalogJoinOrder.Tag);

    /// <summary>
    /// Published courses of institutions in good standing whose title or institution name contains <paramref name="text"/>,
    /// newest first.
    /// </summary>
    public static IQueryable<CatalogRow> Matching(InstitutionDbContext db, string text, string driver, IEnumerable<string> others, string? category)
    {
        var hits = db.CatalogGrams.AsNoTracking().Where(g => g.Gram == driver);
        foreach (var other in others)
        {
            // A join, not EXISTS: MariaDB turns EXISTS into a semi-join it materialises (every row of the gram) first.
            // Keyed on (course, gram) so it is a plain join on that index, not a join to a derived table of the gram's rows.
            hits = hits.Join(db.CatalogGrams, h => new { h.CourseId, Gram = other }, g => new { g.CourseId, g.Gram }, (h, _) => h);
        }

        return (
            from hit in hits
            join course in db.Courses.AsNoTracking() on hit.CourseId equals course.Id
            join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
            where course.State == CourseStates.Published && (category == null || course.CategoryCode == category) && institution.SuspendedAt == null
                  && (course.Title.Contains(text) || institution.Name.Contains(text))
            join rating in db.CourseRatings.AsNoTracking() on course.Id equals rating.CourseId into ratings
            from rating in ratings.DefaultIfEmpty()
            orderby hit.UpdatedAt descending, hit.CourseId descending
            select new CatalogRow(course.Id, course.Title, course.CategoryCode, course.InstitutionId, institution.Name, course.PeriodDays, course.UpdatedAt,
                rating == null ? 0 : rating.Ratings, rating == null ? 0 : rating.StarsSum)).TagWith(CatalogJoinOrder.Tag);
    }

    /// <summary>
    /// The query's grams, rarest first, so that the rarest drives: a rare word reads few rows, and a common one fills
    /// its page from the first rows it reads. Each gram's rows are counted up to <see cref="RankCap"/> only (one
    /// statement, a bounded range of the key each): past that a gram is common and which common one drives matters little.
    /// </summary>
    public static async Task<IReadOnlyList<(string Gram, long Rows)>> RankAsync(InstitutionDbContext db, IReadOnlyList<string> grams, CancellationToken cancellationToken)
    {
        if (grams.Count == 1)
        {
            return [(grams[0], -1)];
        }

        var sql = new StringBuilder();
        var parameters = new List<object>();
        for (var i = 0; i < grams.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : " UNION ALL ").Append(CultureInfo.InvariantCulture,
                $"SELECT {i} AS Position, COUNT(*) AS Found FROM (SELECT 1 FROM catalog_grams WHERE gram = @g{i} LIMIT {RankCap}) AS g{i}");
            parameters.Add(new MySqlParameter($"@g{i}", grams[i]));
        }
        var counts = await db.Database.SqlQueryRaw<GramRows>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
        return [.. counts.OrderBy(c => c.Found).ThenBy(c => c.Position).Select(c => (grams[c.Position], c.Found))];
    }

    /// <summary>One gram's count: <see cref="Position"/> in the query's list, rows <see cref="Found"/> up to <see cref="RankCap"/>.</summary>
    private sealed class GramRows
    {
        public int Position { get; init; }

        public long Found { get; init; }
    }
}
