using System.Diagnostics;
using Lms.Benchmarks;
using System.Globalization;
using System.Net.Http.Headers;
using Lms.CatalogBench;
using Lms.Institution.Catalog;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Data;
using Lms.Student.Data;
using Lms.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run --project tools/Lms.CatalogBench -c Release -- [--quick] [--courses N] [--seed-only | --reuse]
// Needs only MariaDB on :3307 (LMS_MARIADB, default Server=127.0.0.1;Port=3307). It writes into the institution and
// student services' test databases (lms_<svc>_test plus LMS_TEST_DB_SUFFIX, as the test suites do; or the connection
// strings in LMS_BENCH_INSTITUTION_DB and LMS_BENCH_STUDENT_DB) and removes everything it made at the end, leftovers
// of an interrupted run first. Hosts the institution service in this process on a loopback Kestrel port (migrating its
// database, in-memory bus, trusting the test token key), seeds 100,000 published courses through the service's own save
// path (which writes the search index) and 100,000 enrollments, then prints one table: each figure the median of runs.
var quick = args.Contains("--quick");
// --seed-only seeds and keeps the rows without measuring (to look at query plans); the next run removes them first.
var seedOnly = args.Contains("--seed-only");
// --reuse measures the rows an earlier --seed-only left instead of seeding again.
var reuse = args.Contains("--reuse");
var courses = args.SkipWhile(a => a != "--courses").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100_000);
var runs = quick ? 1 : 3;
var duration = TimeSpan.FromSeconds(quick ? 2 : 3);
var warmUp = TimeSpan.FromSeconds(1);
int[] concurrencies = quick ? [1, 16] : [1, 8, 32];

var server = Environment.GetEnvironmentVariable("LMS_MARIADB") ?? "Server=127.0.0.1;Port=3307";
var suffix = Environment.GetEnvironmentVariable("LMS_TEST_DB_SUFFIX") ?? string.Empty;
var institutionDb = Environment.GetEnvironmentVariable("LMS_BENCH_INSTITUTION_DB")
    ?? $"{server};Database=lms_institution_test{suffix};User=lms_institution;Password=lms_institution_pw;CharSet=utf8mb4";
var studentDb = Environment.GetEnvironmentVariable("LMS_BENCH_STUDENT_DB")
    ?? $"{server};Database=lms_student_test{suffix};User=lms_student;Password=lms_student_pw;CharSet=utf8mb4";
var configuration = Debugger.IsAttached ? "debugger" : BuildInfo.Kind;

await using var host = InstitutionHost.Start(institutionDb, out var port);
var studentOptions = new DbContextOptionsBuilder<StudentDbContext>()
    .UseMySql(studentDb, ServerVersion.Parse(DatabaseExtensions.DefaultServerVersion), mysql => mysql.MigrationsHistoryTable("ef_migrations_history")).Options;
await using (var student = new StudentDbContext(studentOptions))
{
    await student.Database.MigrateAsync();
}
Console.WriteLine($"Lms.CatalogBench: {configuration} build, institution service on http://127.0.0.1:{port}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
if (!reuse)
{
    Console.WriteLine("removing leftovers of an earlier run, then seeding");
    await CatalogSeed.RemoveAsync(institutionDb);
    await MyCoursesSeed.RemoveAsync(studentDb);
}
try
{
    var seeding = Stopwatch.StartNew();
    var learner = reuse ? await MyCoursesSeed.LearnerAsync(studentDb) : Guid.Empty;
    if (!reuse)
    {
        await CatalogSeed.SeedAsync(host.Services, institutionDb, courses, Console.WriteLine);
        learner = await MyCoursesSeed.SeedAsync(studentDb, 100_000, Console.WriteLine);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {seeding.Elapsed.TotalSeconds:0} s; measuring ({runs} run(s) of {duration.TotalSeconds:0} s per cell after {warmUp.TotalSeconds:0} s warm-up)"));
    if (seedOnly)
    {
        Console.WriteLine("--seed-only: the rows are kept");
        return;
    }
    await MeasureAsync(learner);
}
finally
{
    if (!seedOnly && !reuse)
    {
        Console.WriteLine("removing the bench's rows");
        await CatalogSeed.RemoveAsync(institutionDb);
        await MyCoursesSeed.RemoveAsync(studentDb);
    }
}
return;

async Task MeasureAsync(Guid learner)
{
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/institution/v1/") };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        TestTokens.Mint(Guid.NewGuid(), ["Employee"], Guid.NewGuid(), "company", lifetime: TimeSpan.FromHours(6)));
    var scopes = host.Services.GetRequiredService<IServiceScopeFactory>();

    var table = new List<string[]>();
    var searches = new List<(string Name, int Concurrency, RunResult Result)>();
    // (a) and (b): over HTTP through the endpoint.
    (string Name, string Query)[] http =
    [
        ("catalog page (no text)", "catalog?size=20"),
        ("search common 2-char '교육'", "catalog?size=20&q=" + Uri.EscapeDataString("교육")),
        ("search common 3-char '교육원'", "catalog?size=20&q=" + Uri.EscapeDataString("교육원")),
        ("search common word '데이터 분석'", "catalog?size=20&q=" + Uri.EscapeDataString("데이터 분석")),
        ("search rare '양자컴퓨팅'", "catalog?size=20&q=" + Uri.EscapeDataString(CatalogSeed.Rare[0])),
        ("search 1-char '육'", "catalog?size=20&q=" + Uri.EscapeDataString("육")),
        ("search no match '없는검색어'", "catalog?size=20&q=" + Uri.EscapeDataString("없는검색어")),
    ];
    foreach (var (name, query) in http)
    {
        using (var first = await client.GetAsync(query))
        {
            first.EnsureSuccessStatusCode();
            var total = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: total {total:N0}"));
        }
        foreach (var c in concurrencies)
        {
            var r = await ClosedLoop.MedianAsync(async () => (await client.GetAsync(query)).EnsureSuccessStatusCode().Dispose(), c, runs, duration, warmUp);
            table.Add(Row($"HTTP {name}", c, r, null));
            searches.Add((name, c, r));
        }
    }

    // (c) catalog page, EF against the same SQL over MySqlConnector.
    var capture = new SqlCapture();
    await using (var captureDb = new InstitutionDbContext(new DbContextOptionsBuilder<InstitutionDbContext>()
                     .UseMySql(institutionDb, ServerVersion.Parse(DatabaseExtensions.DefaultServerVersion))
                     .AddInterceptors(CatalogJoinOrder.Instance, capture).Options))
    {
        var ef = await Reads.CatalogEfAsync(captureDb);
        var raw = await Reads.CatalogRawAsync(institutionDb, capture.Commands[0], capture.Commands[1]);
        Same("catalog page", ef.Total == raw.Total && ef.Items.SequenceEqual(raw.Items));
    }
    Console.WriteLine("catalog page SQL (EF Core, replayed raw):");
    foreach (var command in capture.Commands)
    {
        Console.WriteLine("  " + command.Sql.ReplaceLineEndings(" "));
    }
    await CompareAsync(table, "catalog page", scopes, async db => await Reads.CatalogEfAsync(db), async db => await Reads.CatalogCompiledAsync(db),
        () => Reads.CatalogRawAsync(institutionDb, capture.Commands[0], capture.Commands[1]));

    // (d) "my courses" of a learner with 20 enrollments among 100,000.
    var mineCapture = new SqlCapture();
    await using (var captureDb = new StudentDbContext(new DbContextOptionsBuilder<StudentDbContext>()
                     .UseMySql(studentDb, ServerVersion.Parse(DatabaseExtensions.DefaultServerVersion)).AddInterceptors(mineCapture).Options))
    {
        var ef = await Reads.MineEfAsync(captureDb, learner);
        var raw = await Reads.MineRawAsync(studentDb, mineCapture.Commands[0], mineCapture.Commands[1]);
        Same("my courses", ef.Total == 20 && ef.Total == raw.Total && ef.Items.SequenceEqual(raw.Items));
    }
    Console.WriteLine("my courses SQL (EF Core, replayed raw):");
    foreach (var command in mineCapture.Commands)
    {
        Console.WriteLine("  " + command.Sql.ReplaceLineEndings(" "));
    }
    // Contexts from a pool, as the services take them (AddServiceDatabase pools every service's context).
    var studentContexts = new PooledDbContextFactory<StudentDbContext>(studentOptions);
    var mineEf = new Func<Task>(async () => { await using var db = await studentContexts.CreateDbContextAsync(); await Reads.MineEfAsync(db, learner); });
    var mineCompiled = new Func<Task>(async () => { await using var db = await studentContexts.CreateDbContextAsync(); await Reads.MineCompiledAsync(db, learner); });
    var mineRaw = new Func<Task>(() => Reads.MineRawAsync(studentDb, mineCapture.Commands[0], mineCapture.Commands[1]));
    await CompareFuncsAsync(table, "my courses", mineEf, mineCompiled, mineRaw);

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Lms.CatalogBench, {courses:N0} published courses, 100,000 enrollments; {configuration} build; median of {runs} run(s) of {duration.TotalSeconds:0} s; load average {LoadAverage()}"));
    Console.WriteLine($"{"what",-46} {"conc",4} {"ops/s",8} {"p50 ms",8} {"p99 ms",8} {"errors",6}  {"vs raw",-6}");
    foreach (var row in table)
    {
        Console.WriteLine($"{row[0],-46} {row[1],4} {row[2],8} {row[3],8} {row[4],8} {row[5],6}  {row[6],-6}");
    }
    // The load harness (tools/Lms.Load) takes these lines into its table.
    var one = searches.Where(s => s.Concurrency == 1).ToList();
    var worst = one.MaxBy(s => s.Result.P99Ms);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"FIGURE|catalog of {courses:N0}: slowest p99 of {one.Count} reads over HTTP, 1 client ({worst.Name})|{worst.Result.P99Ms:0.0} ms (p50 {worst.Result.P50Ms:0.0})|catalog page p99 {one[0].Result.P99Ms:0.0} ms|p99 < 20 ms|{(worst.Result.P99Ms < 20 ? "yes" : "no")}"));
    foreach (var read in new[] { "catalog page", "my courses" })
    {
        var at = concurrencies.Max();
        var raw = Throughput($"{read}: raw MySqlConnector");
        var ef = Throughput($"{read}: EF Core (as the service runs it)");
        var compiled = Throughput($"{read}: EF Core compiled query");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FIGURE|{read}: EF Core / raw MySqlConnector throughput, {at} workers|{ef / raw:0.00}x (compiled {compiled / raw:0.00}x)|raw {raw:0} ops/s|≥ 0.9x|{(ef / raw >= 0.9 ? "yes" : "no")}"));

        double Throughput(string name) =>
            double.Parse(table.Single(r => r[0] == name && r[1] == at.ToString(CultureInfo.InvariantCulture))[2], CultureInfo.InvariantCulture);
    }
    Console.WriteLine();
    Console.WriteLine($"command: dotnet run --project tools/Lms.CatalogBench -c Release --{(quick ? " --quick" : string.Empty)}");
}

async Task CompareAsync(List<string[]> table, string name, IServiceScopeFactory scopes, Func<InstitutionDbContext, Task> ef, Func<InstitutionDbContext, Task> compiled, Func<Task> raw) =>
    await CompareFuncsAsync(table, name,
        async () => { await using var scope = scopes.CreateAsyncScope(); await ef(scope.ServiceProvider.GetRequiredService<InstitutionDbContext>()); },
        async () => { await using var scope = scopes.CreateAsyncScope(); await compiled(scope.ServiceProvider.GetRequiredService<InstitutionDbContext>()); },
        raw);

async Task CompareFuncsAsync(List<string[]> table, string name, Func<Task> ef, Func<Task> compiled, Func<Task> raw)
{
    foreach (var c in concurrencies)
    {
        var rawResult = await ClosedLoop.MedianAsync(raw, c, runs, duration, warmUp);
        var efResult = await ClosedLoop.MedianAsync(ef, c, runs, duration, warmUp);
        var compiledResult = await ClosedLoop.MedianAsync(compiled, c, runs, duration, warmUp);
        table.Add(Row($"{name}: raw MySqlConnector", c, rawResult, null));
        table.Add(Row($"{name}: EF Core (as the service runs it)", c, efResult, rawResult));
        table.Add(Row($"{name}: EF Core compiled query", c, compiledResult, rawResult));
    }
}

static string[] Row(string name, int concurrency, RunResult r, RunResult? raw) =>
[
    name, concurrency.ToString(CultureInfo.InvariantCulture), r.PerSecond.ToString("0", CultureInfo.InvariantCulture),
    r.P50Ms.ToString("0.00", CultureInfo.InvariantCulture), r.P99Ms.ToString("0.00", CultureInfo.InvariantCulture),
    r.Errors.ToString(CultureInfo.InvariantCulture),
    raw is null ? string.Empty : (r.PerSecond / raw.PerSecond).ToString("0.00", CultureInfo.InvariantCulture) + "x",
];

static void Same(string what, bool same)
{
    if (!same)
    {
        throw new InvalidOperationException($"{what}: the raw replay did not return what EF Core returned");
    }
    Console.WriteLine($"{what}: the raw replay returns exactly what EF Core returns");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

