using Lms.Institution.Catalog;
using Lms.Institution.Dashboard;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Courses;

/// <summary>The public catalog: published courses of every institution.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/catalog", SearchAsync).RequireAuthorization()
            .WithSummary("Published courses, by category and text, newest first")
            .WithTags("Catalog");
        api.MapGet("/catalog/{id:guid}", GetAsync).RequireAuthorization()
            .WithSummary("One published course with its average rating and number of ratings")
            .WithTags("Catalog");
        return api;
    }

    internal static async Task<Ok<Paged<CatalogItem>>> SearchAsync([AsParameters] CatalogQuery query, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        var category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category;
        var text = query.Q?.Trim() ?? string.Empty;
        IQueryable<CatalogRow> rows;
        int total;
        if (CatalogGrams.OfQuery(text) is not { Count: > 0 } grams)
        {
            rows = CatalogSearch.Published(db, category);
            total = await db.Courses.CountAsync(c => c.State == CourseStates.Published && (category == null || c.CategoryCode == category), cancellationToken);
        }
        else
        {
            var ranked = await CatalogSearch.RankAsync(db, grams, cancellationToken);
            rows = CatalogSearch.Matching(db, text, ranked[0].Gram, ranked.Skip(1).Select(r => r.Gram), category);
            // A one- or two-character word is contained exactly where its gram is: its index rows are the count, read from
            // the key alone. Anything longer is counted over the confirmed matches.
            total = category is null && CatalogGrams.IsExact(text)
                ? await db.CatalogGrams.CountAsync(g => g.Gram == ranked[0].Gram, cancellationToken)
                : await rows.CountAsync(cancellationToken);
        }

        var page = await rows.Skip((query.Page - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        var items = page.Select(c => new CatalogItem(c.Id, c.Title, CourseEndpoints.CategoryOf(c.CategoryCode), c.InstitutionId, c.InstitutionName, c.PeriodDays,
            DashboardInput.AverageOrNull(c.StarsSum, c.Ratings), c.Ratings)).ToList();
        return TypedResults.Ok(new Paged<CatalogItem>(items, query.Page, query.Size, total));
    }

    internal static async Task<Results<Ok<CatalogCourseView>, ProblemHttpResult>> GetAsync(Guid id, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        var found = await (
                from course in db.Courses.AsNoTracking()
                join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
                where course.Id == id && course.State == CourseStates.Published
                join rating in db.CourseRatings.AsNoTracking() on course.Id equals rating.CourseId into ratings
                from rating in ratings.DefaultIfEmpty()
                select new { Course = course, InstitutionName = institution.Name, Ratings = rating == null ? 0 : rating.Ratings, StarsSum = rating == null ? 0 : rating.StarsSum })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("No published course has this id.");
        }

        var c = found.Course;
        return TypedResults.Ok(new CatalogCourseView(c.Id, c.Title, c.Introduction, CourseEndpoints.CategoryOf(c.CategoryCode), c.InstitutionId, found.InstitutionName,
            c.InstructorName, c.PeriodDays, c.CoverFileId, DashboardInput.AverageOrNull(found.StarsSum, found.Ratings), found.Ratings));
    }
}
