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
        var courses =
            from course in db.Courses.AsNoTracking()
            join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
            where course.State == CourseStates.Published
            join rating in db.CourseRatings.AsNoTracking() on course.Id equals rating.CourseId into ratings
            from rating in ratings.DefaultIfEmpty()
            select new
            {
                course.Id, course.Title, course.CategoryCode, course.InstitutionId, InstitutionName = institution.Name, course.PeriodDays, course.UpdatedAt,
                Ratings = rating == null ? 0 : rating.Ratings, StarsSum = rating == null ? 0 : rating.StarsSum,
            };
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            courses = courses.Where(c => c.CategoryCode == query.Category);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            courses = courses.Where(c => c.Title.Contains(text) || c.InstitutionName.Contains(text));
        }

        var total = await courses.CountAsync(cancellationToken);
        var page = await courses.OrderByDescending(c => c.UpdatedAt).Skip((query.Page - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
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
