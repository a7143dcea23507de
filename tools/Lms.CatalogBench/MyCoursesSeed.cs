using System.Globalization;
using System.Text;
using MySqlConnector;

namespace Lms.CatalogBench;

/// <summary>
/// The student service's "my courses" data: 1,000 provisions and 5,000 learners with 20 enrollments each (100,000
/// rows), written straight to its tables. Every provision belongs to <see cref="Company"/>, which marks them for removal.
/// </summary>
internal static class MyCoursesSeed
{
    public static readonly Guid Company = Guid.Parse("ca7a1000-be0c-4000-8000-000000000018");

    public static async Task<Guid> SeedAsync(string connectionString, int enrollments, Action<string> progress)
    {
        var random = new Random(18);
        const int perLearner = 20;
        var provisions = Enumerable.Range(0, 1_000).Select(_ => Guid.CreateVersion7()).ToArray();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var chunk in provisions.Chunk(500))
        {
            var sql = new StringBuilder("INSERT INTO provisions (id, course_id, course_title, institution_id, institution_name, company_id, begin_date, end_date, state, version) VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var begin = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 330));
                sql.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture,
                    $"('{chunk[i]:D}','{Guid.CreateVersion7():D}','{CatalogSeed.Title(random)}','{Guid.CreateVersion7():D}','벤치교육원','{Company:D}','{begin:yyyy-MM-dd}','{begin.AddMonths(2):yyyy-MM-dd}','IN_PROGRESS',1)");
            }
            await ExecuteAsync(connection, sql.ToString());
        }

        var learner = Guid.Empty;
        var rows = new List<string>(2_000);
        for (var n = 0; n < enrollments / perLearner; n++)
        {
            learner = Guid.CreateVersion7();
            foreach (var provision in provisions.OrderBy(_ => random.Next()).Take(perLearner))
            {
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"('{Guid.CreateVersion7():D}','{learner:D}','{provision:D}','ACTIVE',{random.Next(0, 100)}.50,'2026-01-05 09:00:00',NULL,NULL)"));
            }
            if (rows.Count >= 2_000)
            {
                await InsertEnrollmentsAsync(connection, rows);
            }
        }
        if (rows.Count > 0)
        {
            await InsertEnrollmentsAsync(connection, rows);
        }
        progress(string.Create(CultureInfo.InvariantCulture, $"  seeded {enrollments:N0} enrollments of {enrollments / perLearner:N0} learners in 1,000 provisions"));
        // The last learner's 20 enrollments are the "my courses" read.
        return learner;
    }

    /// <summary>A learner of an earlier seed (each has 20 enrollments).</summary>
    public static async Task<Guid> LearnerAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            $"SELECT e.user_id FROM enrollments e JOIN provisions p ON p.id = e.provision_id WHERE p.company_id = '{Company:D}' LIMIT 1", connection);
        return await command.ExecuteScalarAsync() switch
        {
            Guid id => id,
            string id => Guid.Parse(id),
            _ => throw new InvalidOperationException("--reuse: no earlier seed (run --seed-only first)"),
        };
    }

    public static async Task RemoveAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DELETE e FROM enrollments e JOIN provisions p ON p.id = e.provision_id WHERE p.company_id = '{Company:D}'");
        await ExecuteAsync(connection, $"DELETE FROM provisions WHERE company_id = '{Company:D}'");
    }

    private static async Task InsertEnrollmentsAsync(MySqlConnection connection, List<string> rows)
    {
        await ExecuteAsync(connection,
            "INSERT INTO enrollments (id, user_id, provision_id, state, progress_percent, activated_at, cancelled_at, completed_at) VALUES " + string.Join(',', rows));
        rows.Clear();
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
