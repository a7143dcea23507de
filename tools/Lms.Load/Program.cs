using System.Diagnostics;
using System.Globalization;
using Lms.Load;
using Lms.Load.Outbox;

// The load harness: `./lms bench [scenario …] [--quick]` builds Release, starts the platform from it and runs this
// (README, "Performance"). Each scenario prints its progress, then every figure lands in one table with its baseline
// from the same run and its aim. Scenarios: gateway, outbox, heartbeats, sign-in, catalog, dashboards, live, upload, web.
//   dotnet artifacts/bin/Lms.Load/release/Lms.Load.dll [scenario …] [--quick] [--runs N] [--seconds S]
//     [--connections C] [--learners N] [--heartbeat-seconds S]
var options = Options.Parse(args);
var figures = new Figures();
var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
using var client = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = Math.Max(options.Connections, 256),
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    UseCookies = false,
})
{
    Timeout = TimeSpan.FromSeconds(30),
};

Console.WriteLine($"Lms.Load ({configuration} build) on {Environment.ProcessorCount} cores: {string.Join(", ", options.Scenarios)}" +
                  $"{(options.Quick ? " (quick)" : "")}; median of {options.Runs} run(s) where runs repeat");
var tools = Path.Combine(options.RepoRoot, "artifacts", "bin");
string Tool(string name) => Path.Combine(tools, name, configuration, $"{name}.dll");
string Database(string name, string user) =>
    $"{options.MariaDb};Database={name};User={user};Password={user}_pw;CharSet=utf8mb4";
var benchEnvironment = new Dictionary<string, string>
{
    ["LMS_MARIADB"] = options.MariaDb,
    ["LMS_RABBITMQ"] = options.RabbitMq.ToString(),
    ["LMS_REDIS"] = Environment.GetEnvironmentVariable("LMS_REDIS") ?? "127.0.0.1:6380",
    ["LMS_TEST_DB_SUFFIX"] = "",
};

foreach (var scenario in options.Scenarios)
{
    var clock = Stopwatch.StartNew();
    Console.WriteLine();
    Console.WriteLine($"== {scenario} ({DateTime.Now:HH:mm:ss})");
    try
    {
        switch (scenario)
        {
            case "gateway":
                await GatewayScenario.RunAsync(options, client, figures);
                break;
            case "outbox":
                await OutboxScenario.RunAsync(options, figures);
                break;
            case "heartbeats":
                await HeartbeatScenario.RunAsync(options, client, figures);
                break;
            case "sign-in":
                var stuffing = await CredentialStuffing.RunAsync(options.Gateway, new CredentialStuffingOptions
                {
                    MailDirectory = Platform.MailDirectory(options),
                    PhaseDuration = options.Quick ? TimeSpan.FromSeconds(45) : TimeSpan.FromMinutes(2),
                }, Console.Out);
                foreach (var figure in stuffing.Figures())
                {
                    figures.Add(figure);
                }
                break;
            case "catalog":
                await ToolScenario.RunAsync(scenario, figures, "dotnet", [Tool("Lms.CatalogBench"), .. options.Quick ? ["--quick"] : Array.Empty<string>()],
                    benchEnvironment);
                break;
            case "dashboards":
                await ToolScenario.RunAsync(scenario, figures, "dotnet", [Tool("Lms.DashboardBench"), Database("lms_institution_test", "lms_institution"),
                    options.Quick ? "100000" : "1000000", options.Quick ? "200" : "2000", options.Quick ? "50" : "200"]);
                break;
            case "live":
                await ToolScenario.RunAsync(scenario, figures, "dotnet", [Tool("Lms.LiveFanout"), "--clients", options.Quick ? "500" : "500,1000,3000",
                    "--burst", options.Quick ? "1000" : "3000", "--steady", "200", "--configuration", configuration], benchEnvironment);
                break;
            case "web":
                await ToolScenario.RunAsync(scenario, figures, "dotnet", [Tool("Lms.WebBench"), "--runs", options.Quick ? "3" : "7"],
                    new Dictionary<string, string> { ["LMS_GATEWAY"] = options.Gateway.ToString() });
                break;
            case "classroom":
                await ToolScenario.RunAsync(scenario, figures, "dotnet", [Tool("Lms.ClassroomBench"), "--seconds", options.Quick ? "10" : "30"],
                    new Dictionary<string, string> { ["LMS_GATEWAY"] = options.Gateway.ToString() });
                break;
            case "upload":
                await ToolScenario.RunAsync(scenario, figures, Path.Combine(options.RepoRoot, "scripts", "benchmark-upload.sh"), [options.Quick ? "64" : "512"],
                    new Dictionary<string, string> { ["LMS_BENCH_CONFIG"] = configuration }, options.RepoRoot);
                break;
        }
    }
    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
    {
        // One scenario failing (a tool not built, the platform not up) should not hide the others' figures.
        figures.Add(new Figure(scenario, "scenario", $"failed: {e.Message}", "", "", false));
    }
    Console.WriteLine($"   {scenario} took {clock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
}

var coldStart = Environment.GetEnvironmentVariable("LMS_BENCH_COLD_START");
if (!string.IsNullOrEmpty(coldStart))
{
    figures.Add(new Figure("cold start", "./lms up to all ready (build, start, health)", coldStart));
}
Console.WriteLine();
figures.Write(Console.Out);
