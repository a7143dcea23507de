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
        return api;
    }

    internal static async Task<Ok<Paged<CatalogItem>>> SearchAsync([AsParameters] CatalogQuery query, InstitutionDbContext db, CancellationToken cancellationToken)
    {
        var courses =
            from course in db.Courses.AsNoTracking()
            join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
            where course.State == CourseStates.Published
            select new { course.Id, course.Title, course.CategoryCode, course.InstitutionId, InstitutionName = institution.Name, course.PeriodDays, course.UpdatedAt };
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
        var items = page.Select(c => new CatalogItem(c.Id, c.Title, CourseEndpoints.CategoryOf(c.CategoryCode), c.InstitutionId, c.InstitutionName, c.PeriodDays)).ToList();
        return TypedResults.Ok(new Paged<CatalogItem>(items, query.Page, query.Size, total));
    }
}
