using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Exams;
using Lms.Contracts.Learning;
using Lms.Institution.Dashboard;
using Lms.Institution.Data;
using Lms.Institution.Provisions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

// Usage: dotnet run --project tools/Lms.DashboardBench -- "<connection string to a migrated institution database>"
//        [enrollments=1000000] [provisions=2000] [runs=200]
// Rows are generated under a fresh institution id with the same EnrollmentRecord rules the consumers use, written to
// dashboard_enrollments, and the counters are written from their contributions. Then each dashboard read is timed
// against the same answer computed by GROUP BY over dashboard_enrollments, and a CSV export of one 100,000-learner
// provision is written to a null stream while the process's peak working set is watched. The rows are removed at the end.
var connectionString = args.Length > 0 ? args[0] : throw new ArgumentException("connection string required");
var enrollments = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var provisionCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
const int BigProvisionLearners = 100_000;

var institution = Guid.CreateVersion7();
var random = new Random(14);
var companies = Enumerable.Range(0, 200).Select(_ => Guid.CreateVersion7()).ToArray();
var courses = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToArray();
var provisions = Enumerable.Range(0, provisionCount)
    .Select(i => (Id: Guid.CreateVersion7(), Course: courses[i % courses.Length], Company: companies[i % companies.Length])).ToArray();
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

await using var connection = new MySqlConnection(connectionString);
await connection.OpenAsync();
var load = Stopwatch.StartNew();
var totals = new Dictionary<(Guid, Guid, int), ProvisionMonthTotals>();
var ratings = new Dictionary<Guid, CourseRatingTotals>();
var batch = new List<EnrollmentRecord>(2_000);
for (var n = 0; n < enrollments; n++)
{
    // The first provision holds the 100,000 learners of the CSV export; the rest are spread evenly.
    var p = n < BigProvisionLearners ? provisions[0] : provisions[1 + (n % (provisions.Length - 1))];
    var (id, user) = (Guid.CreateVersion7(), Guid.CreateVersion7());
    var at = start.AddMinutes(random.Next(0, 60 * 24 * 330));
    var record = EnrollmentRecord.For(id);
    record.Apply(new EnrollmentActivated(id, user, p.Id, p.Course, p.Company, institution, at));
    // Ten progress events per enrollment, as the issue's load has (1M enrollments, 10M progress events).
    for (var step = 1; step <= 10; step++)
    {
        record.Apply(new EnrollmentProgressChanged(id, user, p.Id, p.Course, p.Company, institution, step * random.Next(5, 11), at.AddHours(step)));
    }
    if (random.Next(3) == 0)
    {
        record.Apply(new ExamAttemptGraded(Guid.NewGuid(), Guid.Empty, p.Course, institution, user, id, p.Company, 1, random.Next(40, 101), true, false, at, at.AddDays(5)));
        record.Apply(new EnrollmentCompleted(id, user, p.Id, p.Course, p.Company, institution, $"B-{n}", at.AddDays(6)));
        record.Apply(new CourseRated(id, user, p.Course, institution, p.Company, random.Next(1, 6), random.Next(4) == 0 ? "좋아요, \"정말\"" : null, at.AddDays(7)));
    }
    else if (random.Next(10) == 0)
    {
        record.Apply(new EnrollmentCancelled(id, user, p.Id, p.Course, at.AddDays(3)));
    }
    var contribution = record.Contribution();
    if (contribution.Provision is { } t)
    {
        if (totals.TryGetValue(t.Key, out var sum)) { sum.Add(t); } else { totals[t.Key] = t; }
    }
    if (contribution.Rating is { } r)
    {
        if (ratings.TryGetValue(r.CourseId, out var sum)) { sum.Add(r); } else { ratings[r.CourseId] = r; }
    }
    batch.Add(record);
    if (batch.Count == batch.Capacity)
    {
        await InsertAsync(connection, batch);
        batch.Clear();
    }
}
await InsertAsync(connection, batch);
foreach (var chunk in totals.Values.Chunk(1_000))
{
    await ExecAsync(connection, "INSERT INTO dashboard_provision_months (institution_id, provision_id, month, course_id, company_id, enrollments, active, completed, cancelled, progress_sum, scored, score_sum, attended, attendance_sum) VALUES "
        + string.Join(',', chunk.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"('{t.InstitutionId}','{t.ProvisionId}',{t.Month},'{t.CourseId}','{t.CompanyId}',{t.Enrollments},{t.Active},{t.Completed},{t.Cancelled},{t.ProgressSum},{t.Scored},{t.ScoreSum},{t.Attended},{t.AttendanceSum})"))));
}
await ExecAsync(connection, "INSERT INTO dashboard_course_ratings (course_id, institution_id, ratings, stars_sum, stars1, stars2, stars3, stars4, stars5) VALUES "
    + string.Join(',', ratings.Values.Select(r => $"('{r.CourseId}','{r.InstitutionId}',{r.Ratings},{r.StarsSum},{r.Stars1},{r.Stars2},{r.Stars3},{r.Stars4},{r.Stars5})")));
Console.WriteLine($"loaded {enrollments:N0} enrollments ({enrollments * 10L:N0} progress events applied), {totals.Count:N0} counter rows in {load.Elapsed.TotalSeconds:N0} s");

var course = courses[3];
var (yearFrom, yearTo) = (202601, 202612);
(string Name, string Counters, string Baseline)[] reads =
[
    ("summary",
        $"SELECT SUM(enrollments), SUM(active), SUM(completed) FROM dashboard_provision_months WHERE institution_id = '{institution}'",
        $"SELECT COUNT(*), SUM(state = 'ACTIVE'), SUM(state = 'COMPLETED') FROM dashboard_enrollments WHERE institution_id = '{institution}'"),
    ("monthly",
        $"SELECT month, COUNT(DISTINCT company_id), SUM(enrollments) FROM dashboard_provision_months WHERE institution_id = '{institution}' AND month BETWEEN {yearFrom} AND {yearTo} GROUP BY month",
        $"SELECT DATE_FORMAT(activated_at + INTERVAL 9 HOUR, '%Y%m') m, COUNT(DISTINCT company_id), COUNT(*) FROM dashboard_enrollments WHERE institution_id = '{institution}' GROUP BY m"),
    ("popular-courses",
        $"SELECT course_id, SUM(enrollments) e FROM dashboard_provision_months WHERE institution_id = '{institution}' AND month = 202605 GROUP BY course_id ORDER BY e DESC LIMIT 10",
        $"SELECT course_id, COUNT(*) e FROM dashboard_enrollments WHERE institution_id = '{institution}' AND activated_at >= '2026-04-30 15:00' AND activated_at < '2026-05-31 15:00' GROUP BY course_id ORDER BY e DESC LIMIT 10"),
    ("attendance",
        $"SELECT company_id, SUM(enrollments - cancelled), SUM(completed), SUM(progress_sum) FROM dashboard_provision_months WHERE institution_id = '{institution}' AND course_id = '{course}' GROUP BY company_id",
        $"SELECT company_id, SUM(state <> 'CANCELLED'), SUM(state = 'COMPLETED'), SUM(CASE WHEN state <> 'CANCELLED' THEN progress_percent END) FROM dashboard_enrollments WHERE institution_id = '{institution}' AND course_id = '{course}' GROUP BY company_id"),
    ("companies",
        $"SELECT company_id, SUM(enrollments - cancelled), SUM(completed) FROM dashboard_provision_months WHERE institution_id = '{institution}' GROUP BY company_id",
        $"SELECT company_id, SUM(state <> 'CANCELLED'), SUM(state = 'COMPLETED') FROM dashboard_enrollments WHERE institution_id = '{institution}' GROUP BY company_id"),
    ("ratings",
        $"SELECT SUM(ratings), SUM(stars_sum), SUM(stars5) FROM dashboard_course_ratings WHERE institution_id = '{institution}'",
        $"SELECT COUNT(rating_stars), SUM(rating_stars), SUM(rating_stars = 5) FROM dashboard_enrollments WHERE institution_id = '{institution}'"),
];
Console.WriteLine($"{"read",-16} {"counters p50",12} {"p99",8} {"GROUP BY p50",13} {"p99",8} {"speed-up",9}   ({runs} counter runs, {Math.Max(5, runs / 20)} baseline runs, ms)");
foreach (var (name, counters, baseline) in reads)
{
    var fast = await TimeAsync(connection, counters, runs);
    var slow = await TimeAsync(connection, baseline, Math.Max(5, runs / 20));
    Console.WriteLine($"{name,-16} {fast.P50,12:N2} {fast.P99,8:N2} {slow.P50,13:N1} {slow.P99,8:N1} {slow.P50 / fast.P50,8:N0}×");
}

// CSV: one 100,000-learner provision streamed through the same CsvFile and query the endpoint uses.
var options = new DbContextOptionsBuilder<InstitutionDbContext>().UseMySql(connectionString, ServerVersion.AutoDetect(connectionString)).Options;
await using (var db = new InstitutionDbContext(options))
{
    GC.Collect();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var before = process.WorkingSet64;
    var big = new ProvisionCopy { Id = provisions[0].Id, InstitutionId = institution, CompanyName = "벤치마크 회사", CourseTitle = "벤치마크 과정", BeginDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 12, 31) };
    var counting = new CountingStream();
    var http = new DefaultHttpContext { Response = { Body = counting } };
    var peak = 0L;
    using var sampler = new Timer(_ => { process.Refresh(); peak = Math.Max(peak, process.WorkingSet64); }, null, 0, 20);
    var csvTime = Stopwatch.StartNew();
    await DashboardCsv.TrainingRecords(TrainingRecordQuery.Rows(db, big), big.CourseTitle, big.CompanyName).ExecuteAsync(http);
    csvTime.Stop();
    process.Refresh();
    peak = Math.Max(peak, process.WorkingSet64);
    Console.WriteLine($"csv: {BigProvisionLearners:N0} rows, {counting.Length / 1048576.0:N1} MiB in {csvTime.Elapsed.TotalSeconds:N1} s; working set before {before / 1048576.0:N0} MiB, peak during export {peak / 1048576.0:N0} MiB (process peak {process.PeakWorkingSet64 / 1048576.0:N0} MiB)");
}

await ExecAsync(connection, $"DELETE FROM dashboard_provision_months WHERE institution_id = '{institution}'");
await ExecAsync(connection, $"DELETE FROM dashboard_course_ratings WHERE institution_id = '{institution}'");
int deleted;
do
{
    deleted = await ExecAsync(connection, $"DELETE FROM dashboard_enrollments WHERE institution_id = '{institution}' LIMIT 50000");
} while (deleted > 0);
Console.WriteLine("generated rows removed");

static async Task<int> ExecAsync(MySqlConnection connection, string sql)
{
    await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
    return await command.ExecuteNonQueryAsync();
}

static async Task<(double P50, double P99)> TimeAsync(MySqlConnection connection, string sql, int count)
{
    var times = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var watch = Stopwatch.StartNew();
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (times[(int)(count * 0.5)], times[Math.Min(count - 1, (int)Math.Ceiling(count * 0.99) - 1)]);
}

static async Task InsertAsync(MySqlConnection connection, List<EnrollmentRecord> rows)
{
    if (rows.Count == 0)
    {
        return;
    }
    var sql = new StringBuilder("INSERT INTO dashboard_enrollments (enrollment_id, institution_id, company_id, course_id, provision_id, user_id, state, state_changed_at, activated_at, first_seen_at, progress_percent, progress_changed_at, exam_scores, evaluation_score, attendance_rate, attendance_changed_at, completed_at, certificate_serial, rating_stars, rating_comment, rated_at, revision) VALUES ");
    var parameters = new List<MySqlParameter>();
    for (var i = 0; i < rows.Count; i++)
    {
        var r = rows[i];
        sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
            $"('{r.EnrollmentId}','{r.InstitutionId}','{r.CompanyId}','{r.CourseId}','{r.ProvisionId}','{r.UserId}','{r.State}',{D(r.StateChangedAt)},{D(r.ActivatedAt)},{D(r.FirstSeenAt)},{r.ProgressPercent},{D(r.ProgressChangedAt)},'{{}}',{N(r.EvaluationScore)},NULL,'0001-01-01',{D(r.CompletedAt)},{S(r.CertificateSerial)},{(r.RatingStars is { } s ? s.ToString(CultureInfo.InvariantCulture) : "NULL")},@c{i},{D(r.RatedAt)},{r.Revision})");
        parameters.Add(new MySqlParameter($"@c{i}", (object?)r.RatingComment ?? DBNull.Value));
    }
    await using var command = new MySqlCommand(sql.ToString(), connection) { CommandTimeout = 600 };
    command.Parameters.AddRange(parameters.ToArray());
    await command.ExecuteNonQueryAsync();

    static string D(DateTimeOffset? at) => at is { } v ? $"'{v.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}'" : "NULL";
    static string N(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL";
    static string S(string? value) => value is null ? "NULL" : $"'{value}'";
}

/// <summary>Counts what the export writes and keeps none of it.</summary>
internal sealed class CountingStream : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;
    public long Written { get; private set; }
    public override long Position { get => Written; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Written += count;
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
