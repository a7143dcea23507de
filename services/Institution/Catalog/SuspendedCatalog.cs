using Lms.Institution.Courses;
using Lms.Institution.Data;
using Microsoft.EntityFrameworkCore;

namespace Lms.Institution.Catalog;

/// <summary>
/// What the catalog's counters hold for suspended institutions, whose courses it does not list. The index and the
/// totals keep counting every published course, so a suspension or a reinstatement rewrites nothing; these counts,
/// read from the few suspended institutions (an index on <c>suspended_at</c>), are subtracted instead.
/// </summary>
public static class SuspendedCatalog
{
    /// <summary>Published courses (of a category) of suspended institutions.</summary>
    public static Task<int> PublishedAsync(InstitutionDbContext db, string? category, CancellationToken cancellationToken) => (
        from institution in db.Institutions.AsNoTracking()
        where institution.SuspendedAt != null
        join course in db.Courses.AsNoTracking() on institution.Id equals course.InstitutionId
        where course.State == CourseStates.Published && (category == null || course.CategoryCode == category)
        select course.Id).CountAsync(cancellationToken);

    /// <summary>Index rows of <paramref name="gram"/> that belong to suspended institutions' courses.</summary>
    public static Task<int> GramRowsAsync(InstitutionDbContext db, string gram, CancellationToken cancellationToken) => (
        from institution in db.Institutions.AsNoTracking()
        where institution.SuspendedAt != null
        join course in db.Courses.AsNoTracking() on institution.Id equals course.InstitutionId
        where course.State == CourseStates.Published
        join row in db.CatalogGrams.AsNoTracking() on new { CourseId = course.Id, Gram = gram } equals new { row.CourseId, row.Gram }
        select row.CourseId).CountAsync(cancellationToken);
}
