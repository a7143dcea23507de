using System.Data.Common;
using System.Globalization;
using System.Text;
using Lms.Institution.Courses;
using Lms.Institution.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;
using InstitutionEntity = Lms.Institution.Institutions.Institution;

namespace Lms.Institution.Catalog;

/// <summary>
/// Keeps <c>catalog_grams</c> equal to the published courses' titles and institution names. <see cref="Collect"/>
/// reads what a save is about to change (every course added, edited, published, archived; every institution
/// renamed), and <see cref="ApplyAsync"/> rewrites the affected rows in the save's own transaction, so the catalog
/// never finds a course by text it no longer has, nor misses one it has. No endpoint has to remember to call it.
/// </summary>
public static class CatalogIndex
{
    // MySQL allows 65,535 placeholders in one statement; 4 a row.
    private const int RowsPerInsert = 2_000;

    /// <summary>The index rows of one published course: its title's grams and its institution name's, merged.</summary>
    public static IEnumerable<(string Gram, byte Sources)> RowsOf(string title, string institutionName)
    {
        var rows = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var gram in CatalogGrams.Of(title))
        {
            rows[gram] = CatalogGram.FromTitle;
        }
        foreach (var gram in CatalogGrams.Of(institutionName))
        {
            rows[gram] = (byte)(rows.GetValueOrDefault(gram) | CatalogGram.FromInstitution);
        }
        return rows.Select(r => (r.Key, r.Value));
    }

    /// <summary>What the pending save changes in the index; empty when it touches no course and renames no institution.</summary>
    public static CatalogChanges Collect(InstitutionDbContext db)
    {
        var renamed = db.ChangeTracker.Entries<InstitutionEntity>()
            .Where(e => e.State == EntityState.Modified && e.Property(i => i.Name).IsModified &&
                        !string.Equals(e.Property(i => i.Name).OriginalValue, e.Entity.Name, StringComparison.Ordinal))
            .Select(e => (e.Entity.Id, e.Entity.Name)).ToList();
        var courses = db.ChangeTracker.Entries<Course>().Where(Touches).Select(e => (e.Entity, e.State)).ToList();
        return new CatalogChanges(renamed, courses);
    }

    /// <summary>Rewrites the rows of what <paramref name="changes"/> holds, in the current transaction.</summary>
    public static async Task ApplyAsync(InstitutionDbContext db, CatalogChanges changes, CancellationToken cancellationToken)
    {
        foreach (var (institutionId, name) in changes.Renamed)
        {
            await RenameAsync(db, institutionId, name, cancellationToken);
        }

        var published = new List<IndexedCourse>();
        var totals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (course, state) in changes.Courses)
        {
            var entry = db.Entry(course);
            if (state != EntityState.Added && entry.Property(c => c.State).OriginalValue == CourseStates.Published)
            {
                var category = entry.Property(c => c.CategoryCode).OriginalValue;
                totals[category] = totals.GetValueOrDefault(category) - 1;
            }
            if (state != EntityState.Deleted && course.State == CourseStates.Published)
            {
                totals[course.CategoryCode] = totals.GetValueOrDefault(course.CategoryCode) + 1;
            }

            if (state != EntityState.Added)
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM catalog_grams WHERE course_id = @course",
                    [new MySqlParameter("@course", Key(course.Id))], cancellationToken);
            }
            if (state != EntityState.Deleted && course.State == CourseStates.Published)
            {
                published.Add(new IndexedCourse(course.Id, course.UpdatedAt, course.Title, await InstitutionNameAsync(db, course.InstitutionId, cancellationToken)));
            }
        }
        await InsertAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), published, cancellationToken);
        // In category order, so two saves changing the same categories lock their rows in the same order.
        foreach (var (category, delta) in totals.Where(t => t.Value != 0))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO catalog_totals (category_code, published) VALUES (@category, @delta) ON DUPLICATE KEY UPDATE published = published + @delta",
                [new MySqlParameter("@category", category), new MySqlParameter("@delta", delta)], cancellationToken);
        }
    }

    /// <summary>
    /// Counts the published courses per category into <c>catalog_totals</c> when it is empty: the first start with the
    /// table (after that every course write keeps it).
    /// </summary>
    public static async Task FillTotalsAsync(InstitutionDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CatalogTotals.AnyAsync(cancellationToken))
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO catalog_totals (category_code, published) SELECT category_code, COUNT(*) FROM courses WHERE state = @published GROUP BY category_code",
            [new MySqlParameter("@published", CourseStates.Published)], cancellationToken);
    }

    /// <summary>Writes the rows of <paramref name="courses"/> (published ones); the start-up backfill and the benchmark's loader use it too.</summary>
    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<IndexedCourse> courses, CancellationToken cancellationToken)
    {
        var written = 0;
        var batch = new List<(string Gram, byte Sources, IndexedCourse Course)>(RowsPerInsert);
        foreach (var course in courses)
        {
            foreach (var (gram, sources) in RowsOf(course.Title, course.InstitutionName))
            {
                batch.Add((gram, sources, course));
                if (batch.Count == RowsPerInsert)
                {
                    written += await InsertBatchAsync(connection, transaction, batch, cancellationToken);
                    batch.Clear();
                }
            }
        }
        if (batch.Count > 0)
        {
            written += await InsertBatchAsync(connection, transaction, batch, cancellationToken);
        }
        return written;
    }

    private static bool Touches(EntityEntry<Course> entry) => entry.State switch
    {
        EntityState.Added => entry.Entity.State == CourseStates.Published,
        // A draft edited stays out of the catalog; anything else of a course that is or was published moves its rows
        // (a new title, a new state, or just a new UpdatedAt, which is part of the key).
        EntityState.Modified => entry.Entity.State == CourseStates.Published || entry.Property(c => c.State).OriginalValue == CourseStates.Published,
        EntityState.Deleted => true,
        _ => false,
    };

    private static async Task<string> InstitutionNameAsync(InstitutionDbContext db, Guid institutionId, CancellationToken cancellationToken) =>
        db.Institutions.Local.FirstOrDefault(i => i.Id == institutionId)?.Name
        ?? await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Name).SingleAsync(cancellationToken);

    /// <summary>
    /// A rename replaces the institution-name rows of all its published courses set-wise in SQL: the old name's rows
    /// lose their flag (and go when the title does not have the gram too), the new name's are added or flagged.
    /// </summary>
    private static async Task RenameAsync(InstitutionDbContext db, Guid institutionId, string name, CancellationToken cancellationToken)
    {
        var institution = new MySqlParameter("@institution", Key(institutionId));
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE catalog_grams g JOIN courses c ON c.id = g.course_id SET g.sources = g.sources & @title WHERE c.institution_id = @institution",
            [institution, new MySqlParameter("@title", CatalogGram.FromTitle)], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "DELETE g FROM catalog_grams g JOIN courses c ON c.id = g.course_id WHERE c.institution_id = @institution AND g.sources = 0",
            [new MySqlParameter("@institution", Key(institutionId))], cancellationToken);
        var grams = CatalogGrams.Of(name).ToList();
        if (grams.Count == 0)
        {
            return;
        }

        var parameters = new List<object> { new MySqlParameter("@institution", Key(institutionId)), new MySqlParameter("@published", CourseStates.Published) };
        var names = new StringBuilder();
        for (var i = 0; i < grams.Count; i++)
        {
            names.Append(i == 0 ? "SELECT " : " UNION ALL SELECT ").Append(CultureInfo.InvariantCulture, $"@g{i} AS gram");
            parameters.Add(new MySqlParameter($"@g{i}", grams[i]));
        }
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO catalog_grams (gram, updated_at, course_id, sources) " +
            $"SELECT n.gram, c.updated_at, c.id, {CatalogGram.FromInstitution} FROM courses c JOIN ({names}) n " +
            "WHERE c.institution_id = @institution AND c.state = @published " +
            $"ON DUPLICATE KEY UPDATE sources = sources | {CatalogGram.FromInstitution}",
            parameters, cancellationToken);
    }

    private static async Task<int> InsertBatchAsync(DbConnection connection, DbTransaction? transaction,
        List<(string Gram, byte Sources, IndexedCourse Course)> batch, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO catalog_grams (gram, updated_at, course_id, sources) VALUES ");
        for (var i = 0; i < batch.Count; i++)
        {
            var (gram, sources, course) = batch[i];
            sql.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"(@g{i},@u{i},@c{i},{sources})");
            command.Parameters.Add(new MySqlParameter($"@g{i}", gram));
            command.Parameters.Add(new MySqlParameter($"@u{i}", course.UpdatedAt.UtcDateTime));
            command.Parameters.Add(new MySqlParameter($"@c{i}", Key(course.CourseId)));
        }
        // Two grams the collation holds equal (a and A, a and ä) are one row of the key: their sources merge.
        sql.Append(" ON DUPLICATE KEY UPDATE sources = sources | VALUES(sources)");
        command.CommandText = sql.ToString();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
        return batch.Count;
    }

    // Guids are stored as char(36), lower-case with hyphens, as EF writes them.
    private static string Key(Guid id) => id.ToString("D");
}

/// <summary>A published course as the index needs it.</summary>
public sealed record IndexedCourse(Guid CourseId, DateTimeOffset UpdatedAt, string Title, string InstitutionName);

/// <summary>What one save changes in the catalog index.</summary>
public sealed record CatalogChanges(IReadOnlyList<(Guid InstitutionId, string Name)> Renamed, IReadOnlyList<(Course Course, EntityState State)> Courses)
{
    public bool IsEmpty => Renamed.Count == 0 && Courses.Count == 0;
}
