using System.Diagnostics;
using Lms.Benchmarks;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lms.Contracts.Enrollments;
using Lms.Contracts.Exams;
using Lms.Contracts.Learning;
using Lms.Contracts.Provisions;
using Lms.DashboardBench;
using Lms.Institution.Courses;
using Lms.Institution.Dashboard;
using Lms.Institution.Data;
using Lms.Institution.Provisions;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using InstitutionEntity = Lms.Institution.Institutions.Institution;
using InstitutionDetails = Lms.Institution.Institutions.InstitutionDetails;

// Usage: dotnet run --project tools/Lms.DashboardBench -- "<connection string to an institution database>"
//        [enrollments=1000000] [provisions=2000] [runs=200]
// Hosts the institution service in this process on a loopback Kestrel port (migrating the database, in-memory bus,
// trusting the test token key), creates one institution with its manager, 50 courses and the provisions, and loads
// generated enrollments with the same EnrollmentRecord rules the consumers use: the per-enrollment rows, and the
// counters and rollups their contributions add up to. Then each dashboard endpoint is timed over HTTP as the manager,
// against the same answer computed by GROUP BY over dashboard_enrollments, and a CSV export of one 100,000-learner
// provision is downloaded while the process's peak resident memory is watched. Everything it made is removed at the end.
var connectionString = args.Length > 0 ? args[0] : throw new ArgumentException("connection string required");
var enrollments = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var provisionCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
var bigProvisionLearners = Math.Min(100_000, enrollments / 2);
var baselineRuns = Math.Max(5, runs / 20);

await using var host = InstitutionHost.Start(connectionString, out var port);
Console.WriteLine($"institution service on http://127.0.0.1:{port} ({(Debugger.IsAttached ? "debugger" : BuildInfo.Kind)} build)");

var random = new Random(14);
var now = DateTimeOffset.UtcNow;
var manager = Guid.CreateVersion7();
var companies = Enumerable.Range(0, 200).Select(n => (Id: Guid.CreateVersion7(), Name: $"벤치회사 {n:000}")).ToArray();
InstitutionEntity institutionRow;
List<Course> courses;
ProvisionCopy[] provisions;
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<InstitutionDbContext>();
    // Unique per run (a unique column), unlike the seeded data below.
    var numbers = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
    institutionRow = InstitutionEntity.Register(new InstitutionDetails("벤치마크교육원", "김벤치", numbers, $"BENCH-{numbers}", "bench@example.com",
        "02-000-0000", null, null, null), manager, now);
    db.Institutions.Add(institutionRow);
    courses = [.. Enumerable.Range(0, 50).Select(n => Course.Create(institutionRow.Id, new CourseDetails($"벤치 과정 {n:00}", "벤치마크", "IT", "강사", 30, null), now))];
    db.Courses.AddRange(courses);
    // Provisions begin in each month of 2026 and last two months: those of January–September are finished, October's
    // and November's running, December's registered (a quarter of them running, as an institution's list would be).
    provisions = [.. Enumerable.Range(0, provisionCount).Select(i =>
    {
        var (company, course, begin) = (companies[i % companies.Length], courses[i % courses.Count], new DateOnly(2026, 1 + (i % 12), 1));
        return new ProvisionCopy
        {
            Id = Guid.CreateVersion7(), InstitutionId = institutionRow.Id, CompanyId = company.Id, CompanyName = company.Name, CourseId = course.Id,
            CourseTitle = course.Title, BeginDate = begin, EndDate = begin.AddMonths(2).AddDays(-1), Seats = 500,
            State = (i % 12) switch { < 9 => ProvisionStates.Finished, < 11 => ProvisionStates.InProgress, _ => ProvisionStates.Registered },
            Version = 1, UpdatedAt = now,
        };
    })];
    db.Provisions.AddRange(provisions);
    await db.SaveChangesAsync();
}
var institution = institutionRow.Id;
var bigProvision = provisions[0];
var sampleProvision = provisions.First(p => p.State == ProvisionStates.InProgress);

await using var connection = new MySqlConnection(connectionString);
await connection.OpenAsync();
try
{
    await LoadAsync();
    await MeasureAsync();
}
finally
{
    await CleanUpAsync();
}
return;

async Task LoadAsync()
{
    var load = Stopwatch.StartNew();
    var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    var totals = new Dictionary<(Guid, Guid, int), ProvisionMonthTotals>();
    var ratings = new Dictionary<Guid, CourseRatingTotals>();
    var batch = new List<EnrollmentRecord>(2_000);
    var users = new List<(Guid Id, int N)>(2_000);
    for (var n = 0; n < enrollments; n++)
    {
        // The first provision holds the 100,000 learners of the CSV export (with names and emails); the rest are spread evenly.
        var p = n < bigProvisionLearners ? bigProvision : provisions[1 + (n % (provisions.Length - 1))];
        var (id, user) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var at = start.AddMinutes(random.Next(0, 60 * 24 * 330));
        var record = EnrollmentRecord.For(id);
        record.Apply(new EnrollmentActivated(id, user, p.Id, p.CourseId, p.CompanyId, institution, at));
        // Ten progress events per enrollment, as the issue's load has (1M enrollments, 10M progress events).
        for (var step = 1; step <= 10; step++)
        {
            record.Apply(new EnrollmentProgressChanged(id, user, p.Id, p.CourseId, p.CompanyId, institution, step * random.Next(5, 11), at.AddHours(step)));
        }
        if (random.Next(3) == 0)
        {
            record.Apply(new ExamAttemptGraded(Guid.NewGuid(), Guid.Empty, p.CourseId, institution, user, id, p.CompanyId, 1, random.Next(40, 101), true, false, at, at.AddDays(5)));
            record.Apply(new EnrollmentCompleted(id, user, p.Id, p.CourseId, p.CompanyId, institution, $"B-{n}", at.AddDays(6)));
            record.Apply(new CourseRated(id, user, p.CourseId, institution, p.CompanyId, random.Next(1, 6), random.Next(4) == 0 ? "좋아요, \"정말\"" : null, at.AddDays(7)));
        }
        else if (random.Next(10) == 0)
        {
            record.Apply(new EnrollmentCancelled(id, user, p.Id, p.CourseId, at.AddDays(3)));
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
        if (p == bigProvision)
        {
            users.Add((user, n));
        }
        if (batch.Count == batch.Capacity)
        {
            await InsertAsync(connection, institution, batch, users);
            batch.Clear();
            users.Clear();
        }
    }
    await InsertAsync(connection, institution, batch, users);

    var rollups = DashboardRollups.Of(totals.Values);
    foreach (var chunk in totals.Values.Chunk(1_000))
    {
        await ExecAsync(connection, "INSERT INTO dashboard_provision_months (institution_id, provision_id, month, course_id, company_id, enrollments, active, completed, cancelled, progress_sum, scored, score_sum, attended, attendance_sum) VALUES "
            + string.Join(',', chunk.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"('{t.InstitutionId}','{t.ProvisionId}',{t.Month},'{t.CourseId}','{t.CompanyId}',{t.Enrollments},{t.Active},{t.Completed},{t.Cancelled},{t.ProgressSum},{t.Scored},{t.ScoreSum},{t.Attended},{t.AttendanceSum})"))));
    }
    foreach (var i in rollups.Institutions)
    {
        await ExecAsync(connection, $"INSERT INTO dashboard_institution_totals (institution_id, enrollments, active, completed, cancelled) VALUES ('{i.InstitutionId}',{i.Enrollments},{i.Active},{i.Completed},{i.Cancelled})");
    }
    foreach (var chunk in rollups.MonthCompanies.Chunk(1_000))
    {
        await ExecAsync(connection, "INSERT INTO dashboard_month_companies (institution_id, month, company_id, enrollments, completed, cancelled) VALUES "
            + string.Join(',', chunk.Select(c => $"('{c.InstitutionId}',{c.Month},'{c.CompanyId}',{c.Enrollments},{c.Completed},{c.Cancelled})")));
    }
    foreach (var chunk in rollups.MonthCourses.Chunk(1_000))
    {
        await ExecAsync(connection, "INSERT INTO dashboard_month_courses (institution_id, month, course_id, enrollments, completed) VALUES "
            + string.Join(',', chunk.Select(c => $"('{c.InstitutionId}',{c.Month},'{c.CourseId}',{c.Enrollments},{c.Completed})")));
    }
    await ExecAsync(connection, "INSERT INTO dashboard_course_ratings (course_id, institution_id, ratings, stars_sum, stars1, stars2, stars3, stars4, stars5) VALUES "
        + string.Join(',', ratings.Values.Select(r => $"('{r.CourseId}','{r.InstitutionId}',{r.Ratings},{r.StarsSum},{r.Stars1},{r.Stars2},{r.Stars3},{r.Stars4},{r.Stars5})")));
    Console.WriteLine($"loaded {enrollments:N0} enrollments ({enrollments * 10L:N0} progress events applied) in {load.Elapsed.TotalSeconds:N0} s: "
        + $"{totals.Count:N0} provision-month rows, {rollups.MonthCompanies.Count:N0} month × company, {rollups.MonthCourses.Count:N0} month × course, "
        + $"{rollups.Institutions.Count} institution row");
}

async Task MeasureAsync()
{
    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/institution/v1/dashboard/"), Timeout = TimeSpan.FromMinutes(10) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        TestTokens.Mint(manager, ["InstitutionManager"], institution, "institution", lifetime: TimeSpan.FromHours(6)));
    var course = courses[3].Id;
    var (from, to) = ("2025-12-31 15:00", "2026-12-31 15:00"); // 2026 in Korea time, in UTC
    (string Endpoint, string? Baseline)[] reads =
    [
        ("summary",
            $"SELECT COUNT(*), SUM(state = 'ACTIVE'), SUM(state = 'COMPLETED'), COUNT(rating_stars), SUM(rating_stars) FROM dashboard_enrollments WHERE institution_id = '{institution}'"),
        ("monthly?year=2026",
            $"SELECT DATE_FORMAT(activated_at + INTERVAL 9 HOUR, '%Y%m') m, COUNT(DISTINCT company_id), COUNT(*) FROM dashboard_enrollments WHERE institution_id = '{institution}' AND activated_at >= '{from}' AND activated_at < '{to}' GROUP BY m"),
        ("quarterly?year=2026",
            $"SELECT QUARTER(activated_at + INTERVAL 9 HOUR) q, COUNT(DISTINCT company_id), COUNT(*) FROM dashboard_enrollments WHERE institution_id = '{institution}' AND activated_at >= '{from}' AND activated_at < '{to}' GROUP BY q"),
        ("popular-courses?month=2026-05",
            $"SELECT course_id, COUNT(*) e, SUM(state = 'COMPLETED') FROM dashboard_enrollments WHERE institution_id = '{institution}' AND activated_at >= '2026-04-30 15:00' AND activated_at < '2026-05-31 15:00' GROUP BY course_id ORDER BY e DESC LIMIT 10"),
        ($"attendance?courseId={course}",
            $"SELECT company_id, SUM(state <> 'CANCELLED'), SUM(state = 'COMPLETED'), SUM(CASE WHEN state <> 'CANCELLED' THEN progress_percent END), COUNT(CASE WHEN state <> 'CANCELLED' THEN attendance_rate END), SUM(CASE WHEN state <> 'CANCELLED' THEN attendance_rate END) FROM dashboard_enrollments WHERE institution_id = '{institution}' AND course_id = '{course}' GROUP BY company_id"),
        ("companies",
            $"SELECT company_id, SUM(state <> 'CANCELLED'), SUM(state = 'COMPLETED') FROM dashboard_enrollments WHERE institution_id = '{institution}' GROUP BY company_id"),
        ("course-provides",
            $"SELECT e.provision_id, SUM(e.state <> 'CANCELLED'), SUM(e.state = 'COMPLETED'), SUM(CASE WHEN e.state <> 'CANCELLED' THEN e.progress_percent END) FROM dashboard_enrollments e JOIN course_provisions p ON p.id = e.provision_id WHERE e.institution_id = '{institution}' AND p.state IN ('REGISTERED', 'IN_PROGRESS') GROUP BY e.provision_id"),
        ("ratings",
            $"SELECT course_id, COUNT(rating_stars), SUM(rating_stars), SUM(rating_stars = 1), SUM(rating_stars = 2), SUM(rating_stars = 3), SUM(rating_stars = 4), SUM(rating_stars = 5) FROM dashboard_enrollments WHERE institution_id = '{institution}' GROUP BY course_id"),
        // A row read, not an aggregate: one running provision's learners (about 450), as JSON.
        ($"training-records?courseProvideId={sampleProvision.Id}", null),
    ];

    // The same answer both ways, once: the summary's enrollments and the year's learners.
    var summary = JsonDocument.Parse(await client.GetStringAsync("summary")).RootElement;
    var monthly = JsonDocument.Parse(await client.GetStringAsync("monthly?year=2026")).RootElement;
    var rawCount = Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM dashboard_enrollments WHERE institution_id = '{institution}'"), CultureInfo.InvariantCulture);
    var learners = monthly.GetProperty("items").EnumerateArray().Sum(m => m.GetProperty("learners").GetInt64());
    Console.WriteLine($"check: summary enrollments {summary.GetProperty("enrollments").GetInt64():N0}, monthly learners {learners:N0}, GROUP BY count {rawCount:N0}");
    if (summary.GetProperty("enrollments").GetInt64() != rawCount || learners != rawCount)
    {
        throw new InvalidOperationException("the endpoints and the GROUP BY disagree");
    }

    Console.WriteLine($"{"endpoint",-16} {"HTTP p50",9} {"p99",8} {"GROUP BY p50",13} {"p99",9} {"p50 speed-up",13}   ({runs} HTTP runs after 5 warm-up, {baselineRuns} GROUP BY runs, ms)");
    foreach (var (endpoint, baseline) in reads)
    {
        var fast = await TimeHttpAsync(client, endpoint, runs);
        var name = endpoint.Split('?')[0];
        if (baseline is null)
        {
            Console.WriteLine($"{name,-16} {fast.P50,9:N2} {fast.P99,8:N2} {"—",13} {"—",9} {"—",13}");
            continue;
        }
        var slow = await TimeSqlAsync(connection, baseline, baselineRuns);
        Console.WriteLine($"{name,-16} {fast.P50,9:N2} {fast.P99,8:N2} {slow.P50,13:N1} {slow.P99,9:N1} {slow.P50 / fast.P50,12:N0}×");
        // For the load harness's table (tools/Lms.Load): the endpoint against its GROUP BY, and the p99 aim.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FIGURE|{name} over HTTP, {enrollments:N0} enrollments: p50 / p99|{fast.P50:0.0} / {fast.P99:0.0} ms|GROUP BY {slow.P50:0} / {slow.P99:0} ms|p99 ≤ 50 ms|{(fast.P99 <= 50 ? "yes" : "no")}"));
    }

    // CSV over HTTP: the 100,000-learner provision's training records, read as they stream and counted, not kept.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var rssBefore = ProcStatus("VmRSS");
    File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS, so the peak below is the export's
    var counting = new CountingStream();
    var csvTime = Stopwatch.StartNew();
    using (var response = await client.GetAsync($"training-records?courseProvideId={bigProvision.Id}&format=csv", HttpCompletionOption.ResponseHeadersRead))
    {
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.CopyToAsync(counting);
    }
    csvTime.Stop();
    var lines = counting.Lines - 1;
    Console.WriteLine($"csv over HTTP: {lines:N0} rows, {counting.Length / 1048576.0:N1} MiB in {csvTime.Elapsed.TotalSeconds:N1} s; "
        + $"process RSS before {rssBefore / 1024.0:N0} MiB, peak during the export (VmHWM) {ProcStatus("VmHWM") / 1024.0:N0} MiB");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"FIGURE|CSV export of {lines:N0} learners: time, peak memory|{csvTime.Elapsed.TotalSeconds:0.0} s, {ProcStatus("VmHWM") / 1024.0:0} MiB peak|{rssBefore / 1024.0:0} MiB before||"));
}

async Task CleanUpAsync()
{
    foreach (var table in new[] { "dashboard_provision_months", "dashboard_institution_totals", "dashboard_month_companies", "dashboard_month_courses", "dashboard_course_ratings" })
    {
        await ExecAsync(connection, $"DELETE FROM {table} WHERE institution_id = '{institution}'");
    }
    while (await ExecAsync(connection, $"DELETE FROM users WHERE email LIKE '%@{institution:N}.bench.example' LIMIT 20000") > 0)
    {
    }
    while (await ExecAsync(connection, $"DELETE FROM dashboard_enrollments WHERE institution_id = '{institution}' LIMIT 20000") > 0)
    {
    }
    await ExecAsync(connection, $"DELETE FROM course_provisions WHERE institution_id = '{institution}'");
    await ExecAsync(connection, $"DELETE FROM courses WHERE institution_id = '{institution}'");
    await ExecAsync(connection, $"DELETE FROM institution_managers WHERE institution_id = '{institution}'");
    await ExecAsync(connection, $"DELETE FROM institutions WHERE id = '{institution}'");
    Console.WriteLine("generated rows removed");
}


static long ProcStatus(string field) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

static async Task<int> ExecAsync(MySqlConnection connection, string sql)
{
    await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
    return await command.ExecuteNonQueryAsync();
}

static async Task<object?> ScalarAsync(MySqlConnection connection, string sql)
{
    await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
    return await command.ExecuteScalarAsync();
}

static (double P50, double P99) Percentiles(List<double> times)
{
    times.Sort();
    return (times[(int)(times.Count * 0.5)], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)]);
}

static async Task<(double P50, double P99)> TimeHttpAsync(HttpClient client, string path, int count)
{
    for (var i = 0; i < 5; i++)
    {
        (await client.GetAsync(path)).EnsureSuccessStatusCode();
    }
    var times = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return Percentiles(times);
}

static async Task<(double P50, double P99)> TimeSqlAsync(MySqlConnection connection, string sql, int count)
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
    return Percentiles(times);
}

static async Task InsertAsync(MySqlConnection connection, Guid institution, List<EnrollmentRecord> rows, List<(Guid Id, int N)> users)
{
    if (rows.Count == 0)
    {
        return;
    }
    var sql = new StringBuilder("INSERT INTO dashboard_enrollments (enrollment_id, institution_id, company_id, course_id, provision_id, user_id, state, state_changed_at, activated_at, first_seen_at, progress_percent, progress_changed_at, exam_scores, evaluation_score, attendance_rate, attendance_changed_at, live_sessions, completed_at, certificate_serial, rating_stars, rating_comment, rated_at, revision) VALUES ");
    var parameters = new List<MySqlParameter>();
    for (var i = 0; i < rows.Count; i++)
    {
        var r = rows[i];
        sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
            $"('{r.EnrollmentId}','{r.InstitutionId}','{r.CompanyId}','{r.CourseId}','{r.ProvisionId}','{r.UserId}','{r.State}',{D(r.StateChangedAt)},{D(r.ActivatedAt)},{D(r.FirstSeenAt)},{r.ProgressPercent},{D(r.ProgressChangedAt)},'{{}}',{N(r.EvaluationScore)},NULL,'0001-01-01','{{}}',{D(r.CompletedAt)},{S(r.CertificateSerial)},{(r.RatingStars is { } s ? s.ToString(CultureInfo.InvariantCulture) : "NULL")},@c{i},{D(r.RatedAt)},{r.Revision})");
        parameters.Add(new MySqlParameter($"@c{i}", (object?)r.RatingComment ?? DBNull.Value));
    }
    await using (var command = new MySqlCommand(sql.ToString(), connection) { CommandTimeout = 600 })
    {
        command.Parameters.AddRange(parameters.ToArray());
        await command.ExecuteNonQueryAsync();
    }

    if (users.Count > 0)
    {
        // Names with the characters a CSV must quote (a comma in every tenth, a quote in every hundredth); emails on a
        // domain of this run, by which the clean-up finds them.
        var values = users.Select(u => string.Create(CultureInfo.InvariantCulture,
            $"('{u.Id}','learner{u.N}@{institution:N}.bench.example','learner{u.N}','{(u.N % 100 == 0 ? "김\"학습" : u.N % 10 == 0 ? "이, 수강" : "박학습")}{u.N}','2026-01-01','2026-01-01')"));
        await using var command = new MySqlCommand("INSERT INTO users (id, email, username, name, registered_at, updated_at) VALUES " + string.Join(',', values), connection)
            { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    static string D(DateTimeOffset? at) => at is { } v ? $"'{v.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}'" : "NULL";
    static string N(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL";
    static string S(string? value) => value is null ? "NULL" : $"'{value}'";
}
