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

    internal static async Task<Ok<Paged<CatalogItem>>> SearchAsync([AsParameters] CatalogQuery query, InstitutionDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CatalogSearch.PageAsync(db, query, cancellationToken));

    internal static async Task<Results<Ok<CatalogCourseView>, ProblemHttpResult>> GetAsync(Guid id, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        var found = await (
                from course in db.Courses.AsNoTracking()
                join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
                where course.Id == id && course.State == CourseStates.Published && institution.SuspendedAt == null
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
