using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Load;

// Usage: dotnet run --project tools/Lms.Load -c Release -- [gateway] [--runs N] [--seconds S] [--connections C]
// Drives the platform that ./lms up started (the gateway on :8080, the institution service on :5102) and prints, for each
// endpoint, direct and through the gateway side by side, each the median of N runs. Start the platform with
// LMS_GATEWAY_PERMITS_PER_SECOND raised (see README, "Performance") so the gateway's per-person limit is not measured.
var options = Options.Parse(args);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    Timeout = TimeSpan.FromSeconds(30),
};

var token = await SignInAsync(client, options.Gateway);
var endpoints = new (string Name, string Path, bool Authenticated)[]
{
    ("trivial (categories, no DB)", "/institution/v1/categories", false),
    ("one DB read (catalog page)", "/institution/v1/catalog?size=20", true),
};

Console.WriteLine($"Lms.Load: {options.Connections} connections, {options.Seconds} s per run, median of {options.Runs} runs, warm-up 3 s");
Console.WriteLine();
Console.WriteLine($"{"endpoint",-30} {"path",-9} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}   {"gateway/direct",-14}");
foreach (var (name, path, authenticated) in endpoints)
{
    var direct = await MedianAsync(new Uri(options.Service, path), authenticated);
    var proxied = await MedianAsync(new Uri(options.Gateway, path), authenticated);
    Print(name, "direct", direct, null);
    Print(string.Empty, "gateway", proxied, direct);
}

async Task<RunResult> MedianAsync(Uri url, bool authenticated)
{
    var runs = new List<RunResult>();
    for (var i = 0; i < options.Runs; i++)
    {
        runs.Add(await ClosedLoop.RunAsync(client, () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Get, url);
            if (authenticated)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return message;
        }, options.Connections, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(3)));
    }
    var ordered = runs.OrderBy(r => r.RequestsPerSecond).ToList();
    var middle = ordered[ordered.Count / 2];
    return middle with { P50Ms = Median(runs.Select(r => r.P50Ms)), P99Ms = Median(runs.Select(r => r.P99Ms)), Errors = runs.Sum(r => r.Errors) };
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static void Print(string name, string path, RunResult r, RunResult? baseline)
{
    var ratio = baseline is null ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"{r.RequestsPerSecond / baseline.RequestsPerSecond:0.00}x, p99 +{r.P99Ms - baseline.P99Ms:0.0} ms");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-30} {path,-9} {r.RequestsPerSecond,9:0} {r.P50Ms,8:0.00} {r.P99Ms,8:0.00} {r.Errors,7}   {ratio}"));
}

static async Task<string> SignInAsync(HttpClient client, Uri gateway)
{
    // The demo employee that ./lms up seeds; any confirmed account works.
    using var response = await client.PostAsJsonAsync(new Uri(gateway, "/identity/v1/signin"),
        new { login = Environment.GetEnvironmentVariable("LMS_LOAD_LOGIN") ?? "employee@demo.lms",
              password = Environment.GetEnvironmentVariable("LMS_LOAD_PASSWORD") ?? "Demo-pass-2026!" });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

internal sealed record Options(Uri Gateway, Uri Service, int Runs, int Seconds, int Connections)
{
    public static Options Parse(string[] args)
    {
        int Get(string flag, int fallback) =>
            Array.IndexOf(args, flag) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        return new Options(new Uri(Environment.GetEnvironmentVariable("LMS_GATEWAY") ?? "http://127.0.0.1:8080"),
            new Uri(Environment.GetEnvironmentVariable("LMS_INSTITUTION") ?? "http://127.0.0.1:5102"),
            Get("--runs", 3), Get("--seconds", 10), Get("--connections", 64));
    }
}
