using Lms.Institution.Catalog;
using Lms.Institution.Courses;
using Lms.Institution.Dashboard;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Http;
using Lms.Student.Data;
using Lms.Student.Enrollments;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Lms.CatalogBench;

/// <summary>
/// The two reads compared between EF Core and raw MySqlConnector, each as a count and a page like its endpoint:
/// the catalog's first page (<see cref="CatalogSearch.PageAsync"/>, the endpoint's own code) and a learner's
/// "my courses" (the LINQ of <c>EnrollmentEndpoints.ListAsync</c>, which is internal to the student service, as written there).
/// </summary>
internal static class Reads
{
    // The compiled forms of the same two queries (EF.CompileAsyncQuery): the LINQ is translated once, not looked up per call.
    private static readonly Func<InstitutionDbContext, Task<int>> CompiledCatalogCount =
        EF.CompileAsyncQuery((InstitutionDbContext db) => db.CatalogTotals.Sum(t => t.Published));

    private static readonly Func<InstitutionDbContext, int, int, IAsyncEnumerable<CatalogRow>> CompiledCatalogPage =
        EF.CompileAsyncQuery((InstitutionDbContext db, int skip, int take) =>
            (from course in db.Courses.AsNoTracking()
             join institution in db.Institutions.AsNoTracking() on course.InstitutionId equals institution.Id
             where course.State == CourseStates.Published
             join rating in db.CourseRatings.AsNoTracking() on course.Id equals rating.CourseId into ratings
             from rating in ratings.DefaultIfEmpty()
             orderby course.UpdatedAt descending, course.Id descending
             select new CatalogRow(course.Id, course.Title, course.CategoryCode, course.InstitutionId, institution.Name, course.PeriodDays, course.UpdatedAt,
                 rating == null ? 0 : rating.Ratings, rating == null ? 0 : rating.StarsSum)).TagWith(CatalogJoinOrder.Tag).Skip(skip).Take(take));

    private static readonly Func<StudentDbContext, Guid, Task<int>> CompiledMineCount =
        EF.CompileAsyncQuery((StudentDbContext db, Guid userId) =>
            (from enrollment in db.Enrollments.AsNoTracking()
             join provision in db.Provisions.AsNoTracking() on enrollment.ProvisionId equals provision.Id
             where enrollment.UserId == userId
             select enrollment).Count());

    private static readonly Func<StudentDbContext, Guid, int, int, IAsyncEnumerable<EnrollmentSummary>> CompiledMinePage =
        EF.CompileAsyncQuery((StudentDbContext db, Guid userId, int skip, int take) =>
            (from x in
                 from enrollment in db.Enrollments.AsNoTracking()
                 join provision in db.Provisions.AsNoTracking() on enrollment.ProvisionId equals provision.Id
                 where enrollment.UserId == userId
                 select new { enrollment, provision }
             orderby x.provision.BeginDate descending, x.provision.CourseTitle, x.enrollment.Id
             select new EnrollmentSummary(x.enrollment.Id, x.provision.Id, x.provision.CourseId, x.provision.CourseTitle,
                 x.provision.InstitutionName, x.provision.BeginDate, x.provision.EndDate, x.enrollment.State, x.enrollment.ProgressPercent)).Skip(skip).Take(take));

    public static Task<Paged<CatalogItem>> CatalogEfAsync(InstitutionDbContext db) => CatalogSearch.PageAsync(db, new CatalogQuery(), CancellationToken.None);

    public static async Task<Paged<CatalogItem>> CatalogCompiledAsync(InstitutionDbContext db)
    {
        var total = await CompiledCatalogCount(db);
        var rows = new List<CatalogRow>(20);
        await foreach (var row in CompiledCatalogPage(db, 0, 20))
        {
            rows.Add(row);
        }
        return new Paged<CatalogItem>(CatalogSearch.Items(rows), 1, 20, total);
    }

    /// <summary>The catalog page over MySqlConnector: the count and page commands EF sent, read by column position.</summary>
    public static async Task<Paged<CatalogItem>> CatalogRawAsync(string connectionString, CapturedCommand count, CapturedCommand page)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        int total;
        await using (var command = count.On(connection))
        {
            total = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var rows = new List<CatalogRow>(20);
        await using (var command = page.On(connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(new CatalogRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), reader.GetString(4), reader.GetInt32(5),
                    new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc)), reader.GetInt32(7), reader.GetInt32(8)));
            }
        }
        return new Paged<CatalogItem>(CatalogSearch.Items(rows), 1, 20, total);
    }

    /// <summary>"My courses" as <c>EnrollmentEndpoints.ListAsync</c> writes it: newest provision first, then title, then id.</summary>
    public static IQueryable<EnrollmentSummary> Mine(StudentDbContext db, Guid userId) =>
        from x in
            from enrollment in db.Enrollments.AsNoTracking()
            join provision in db.Provisions.AsNoTracking() on enrollment.ProvisionId equals provision.Id
            where enrollment.UserId == userId
            select new { enrollment, provision }
        orderby x.provision.BeginDate descending, x.provision.CourseTitle, x.enrollment.Id
        select new EnrollmentSummary(x.enrollment.Id, x.provision.Id, x.provision.CourseId, x.provision.CourseTitle,
            x.provision.InstitutionName, x.provision.BeginDate, x.provision.EndDate, x.enrollment.State, x.enrollment.ProgressPercent);

    public static async Task<Paged<EnrollmentSummary>> MineEfAsync(StudentDbContext db, Guid userId)
    {
        var mine =
            from enrollment in db.Enrollments.AsNoTracking()
            join provision in db.Provisions.AsNoTracking() on enrollment.ProvisionId equals provision.Id
            where enrollment.UserId == userId
            select new { enrollment, provision };
        var total = await mine.CountAsync();
        var items = await Mine(db, userId).Skip(0).Take(20).ToListAsync();
        return new Paged<EnrollmentSummary>(items, 1, 20, total);
    }

    public static async Task<Paged<EnrollmentSummary>> MineCompiledAsync(StudentDbContext db, Guid userId)
    {
        var total = await CompiledMineCount(db, userId);
        var items = new List<EnrollmentSummary>(20);
        await foreach (var item in CompiledMinePage(db, userId, 0, 20))
        {
            items.Add(item);
        }
        return new Paged<EnrollmentSummary>(items, 1, 20, total);
    }

    public static async Task<Paged<EnrollmentSummary>> MineRawAsync(string connectionString, CapturedCommand count, CapturedCommand page)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        int total;
        await using (var command = count.On(connection))
        {
            total = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var items = new List<EnrollmentSummary>(20);
        await using (var command = page.On(connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                items.Add(new EnrollmentSummary(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                    reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6), reader.GetString(7), reader.GetDecimal(8)));
            }
        }
        return new Paged<EnrollmentSummary>(items, 1, 20, total);
    }
}
