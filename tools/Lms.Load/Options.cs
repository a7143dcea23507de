using System.Globalization;

namespace Lms.Load;

/// <summary>
/// The harness's command line: the scenarios to run (all when none is named) and how long and how hard to drive them.
/// Addresses come from the environment <c>./lms bench</c> sets, with the local platform's defaults.
/// </summary>
public sealed record Options(
    IReadOnlyList<string> Scenarios, Uri Gateway, Uri Identity, Uri Institution, int Runs, int Seconds, int Connections, int Learners,
    int HeartbeatSeconds, bool Quick, string RepoRoot)
{
    public static readonly string[] All = ["gateway", "outbox", "heartbeats", "sign-in", "catalog", "dashboards", "live", "upload", "web", "classroom"];

    public string MariaDb { get; } = Environment.GetEnvironmentVariable("LMS_MARIADB") ?? "Server=127.0.0.1;Port=3307";

    public Uri RabbitMq { get; } = new(Environment.GetEnvironmentVariable("LMS_BENCH_RABBITMQ") ?? "amqp://lms:lms_pw@127.0.0.1:5673/lms_bench");

    public static Options Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        int Get(string flag, int normal, int fast) =>
            Array.IndexOf(args, flag) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : quick ? fast : normal;
        var named = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i += args[i] == "--quick" ? 0 : 1;
                continue;
            }
            if (!All.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown scenario '{args[i]}'; the scenarios are: {string.Join(", ", All)}.");
            }
            named.Add(args[i]);
        }
        return new Options(named.Count == 0 ? All : named,
            new Uri(Environment.GetEnvironmentVariable("LMS_GATEWAY") ?? "http://127.0.0.1:8080"),
            new Uri(Environment.GetEnvironmentVariable("LMS_IDENTITY") ?? "http://127.0.0.1:5101"),
            new Uri(Environment.GetEnvironmentVariable("LMS_INSTITUTION") ?? "http://127.0.0.1:5102"),
            Get("--runs", 3, 1), Get("--seconds", 10, 4), Get("--connections", 64, 64), Get("--learners", 2000, 200),
            Get("--heartbeat-seconds", 60, 20), quick, FindRepoRoot());
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the harness from inside the repository (Microservices.sln not found).");
    }
}
