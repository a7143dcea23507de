using Lms.Institution.Courses;
using Lms.Institution.Dashboard;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Catalog;

/// <summary>A catalog row before its category is named and its rating averaged.</summary>
public sealed record CatalogRow(
    Guid Id, string Title, string CategoryCode, Guid InstitutionId, string InstitutionName, int PeriodDays, DateTimeOffset UpdatedAt, int Ratings, int StarsSum);

/// <summary>
/// The catalog's queries. Without text: published courses newest first, read in the order of the (state, updated_at)
/// index. With text: the rows of <c>catalog_grams</c> for the query's rarest gram, newest first from the key, each
/// kept only when the course has the query's other grams too and its title or institution name contains the text
/// (the same test as before the index, so the results are the same); a page stops as soon as it is full.
/// </summary>
public static class CatalogSearch
{
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
            total = await db.Courses.CountAsync(c => c.State == CourseStates.Published && (category == null || c.CategoryCode == category), cancellationToken);
        }
        else
        {
            var ranked = await RankAsync(db, grams, cancellationToken);
            rows = Matching(db, text, ranked[0].Gram, ranked.Skip(1).Select(r => r.Gram), category);
            // A one- or two-character word is contained exactly where its gram is: its index rows are the count, read from
            // the key alone. Anything longer is counted over the confirmed matches.
            total = category is null && CatalogGrams.IsExact(text)
                ? await db.CatalogGrams.CountAsync(g => g.Gram == ranked[0].Gram, cancellationToken)
                : await rows.CountAsync(cancellationToken);
        }

        var page = await rows.Skip((query.Page - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        return new Paged<CatalogItem>(Items(page), query.Page, query.Size, total);
    }

    /// <summary>The response's items: category named, rating averaged.</summary>
    public static IReadOnlyList<CatalogItem> Items(IEnumerable<CatalogRow> rows) =>
        [.. rows.Select(c => new CatalogItem(c.Id, c.Title, CourseEndpoints.CategoryOf(c.CategoryCode), c.InstitutionId, c.InstitutionName, c.PeriodDays,
            DashboardInput.AverageOrNull(c.StarsSum, c.Ratings), c.Ratings))];

    /// <summary>Published courses (of a category), newest change first.</summary>
    public static IQueryable<CatalogRow> Published(InstitutionDbContext db, string? category) =>
        from course in db.Courses.AsNoTracking()
        join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
        where course.State == CourseStates.Published && (category == null || course.CategoryCode == category)
        join rating in db.CourseRatings.AsNoTracking() on course.Id equals rating.CourseId into ratings
        from rating in ratings.DefaultIfEmpty()
        orderby course.UpdatedAt descending, course.Id descending
        select new CatalogRow(course.Id, course.Title, course.CategoryCode, course.InstitutionId, institution.Name, course.PeriodDays, course.UpdatedAt,
            rating == null ? 0 : rating.Ratings, rating == null ? 0 : rating.StarsSum);

    /// <summary>Published courses whose title or institution name contains <paramref name="text"/>, newest first.</summary>
    public static IQueryable<CatalogRow> Matching(InstitutionDbContext db, string text, string driver, IEnumerable<string> others, string? category)
    {
        var hits = db.CatalogGrams.AsNoTracking().Where(g => g.Gram == driver);
        foreach (var other in others)
        {
            hits = hits.Where(h => db.CatalogGrams.Any(g => g.CourseId == h.CourseId && g.Gram == other));
        }

        return
            from hit in hits
            join course in db.Courses.AsNoTracking() on hit.CourseId equals course.Id
            join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
            where course.State == CourseStates.Published && (category == null || course.CategoryCode == category)
                  && (course.Title.Contains(text) || institution.Name.Contains(text))
            join rating in db.CourseRatings.AsNoTracking() on course.Id equals rating.CourseId into ratings
            from rating in ratings.DefaultIfEmpty()
            orderby hit.UpdatedAt descending, hit.CourseId descending
            select new CatalogRow(course.Id, course.Title, course.CategoryCode, course.InstitutionId, institution.Name, course.PeriodDays, course.UpdatedAt,
                rating == null ? 0 : rating.Ratings, rating == null ? 0 : rating.StarsSum);
    }

    /// <summary>
    /// The query's grams, rarest first (by rows in the index, one grouped count over the key), so that the rarest
    /// drives: a rare word reads few rows, and a common one fills its page from the first rows it reads.
    /// </summary>
    public static async Task<IReadOnlyList<(string Gram, int Rows)>> RankAsync(InstitutionDbContext db, IReadOnlyList<string> grams, CancellationToken cancellationToken)
    {
        if (grams.Count == 1)
        {
            return [(grams[0], -1)];
        }

        var counts = await db.CatalogGrams.Where(g => grams.Contains(g.Gram)).GroupBy(g => g.Gram)
            .Select(g => new { g.Key, Rows = g.Count() }).ToListAsync(cancellationToken);
        // The collation matches a gram case-insensitively; a gram of the query with no row at all has no match.
        return [.. grams.Select(g => (g, counts.Where(c => string.Equals(c.Key, g, StringComparison.OrdinalIgnoreCase)).Sum(c => c.Rows)))
            .OrderBy(g => g.Item2)];
    }
}
