using Lms.Institution.Courses;
using Lms.Institution.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Lms.Institution.Catalog;

/// <summary>
/// Fills <c>catalog_totals</c> when it is empty and indexes, at start-up, every published course that has no row in <c>catalog_grams</c>: all of them the first time
/// the service starts with the index (the grams are computed in C#, which a SQL migration cannot do), none after.
/// Idempotent, so it runs at every start: a course always has at least one gram (a title is never blank), so a
/// published course without any is exactly one still to index.
/// </summary>
public sealed partial class CatalogIndexBackfill(IServiceScopeFactory scopes, ILogger<CatalogIndexBackfill> logger) : IHostedService
{
    private const int CoursesPerBatch = 1_000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InstitutionDbContext>();
        await CatalogIndex.FillTotalsAsync(db, cancellationToken);
        var indexed = 0;
        while (true)
        {
            var missing = await (
                    from course in db.Courses.AsNoTracking()
                    join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
                    where course.State == CourseStates.Published && !db.CatalogGrams.Any(g => g.CourseId == course.Id)
                    select new IndexedCourse(course.Id, course.UpdatedAt, course.Title, institution.Name))
                .Take(CoursesPerBatch).ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CatalogIndex.InsertAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), missing, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            indexed += missing.Count;
        }
        if (indexed > 0)
        {
            LogIndexed(logger, indexed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Indexed {Count} published course(s) for catalog search")]
    private static partial void LogIndexed(ILogger logger, int count);
}
