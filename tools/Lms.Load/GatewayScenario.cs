using System.Net.Http.Headers;

namespace Lms.Load;

/// <summary>
/// The same endpoints direct (the institution service's own port) and through the gateway, 64 closed-loop connections
/// each, alternating so both see the same machine: the proxy's cost on a trivial endpoint and on one database read.
/// </summary>
public static class GatewayScenario
{
    public static async Task RunAsync(Options options, HttpClient client, Figures figures)
    {
        var token = await Platform.SignInAsync(client, options.Identity, Platform.DemoEmployee, Platform.DemoPassword);
        var endpoints = new (string Name, string Path, bool Authenticated, double Aim)[]
        {
            ("trivial (categories, no DB)", "/institution/v1/categories", false, 0.6),
            ("one DB read (catalog page)", "/institution/v1/catalog?size=20", true, 0.95),
        };
        foreach (var (name, path, authenticated, aim) in endpoints)
        {
            var direct = new List<RunResult>();
            var proxied = new List<RunResult>();
            for (var run = 0; run < options.Runs; run++)
            {
                Console.WriteLine($"  {name}: run {run + 1} of {options.Runs}, direct then through the gateway ({options.Seconds} s each)");
                direct.Add(await DriveAsync(new Uri(options.Institution, path), authenticated));
                proxied.Add(await DriveAsync(new Uri(options.Gateway, path), authenticated));
            }
            var (d, g) = (Median(direct), Median(proxied));
            figures.Add(new Figure("gateway", $"{name}: req/s through the gateway ÷ direct", Figures.Ratio(g.Rps / d.Rps),
                $"{Figures.Rate(d.Rps)} direct, {Figures.Rate(g.Rps)} gateway", $"≥ {aim:0.00}×", g.Rps / d.Rps >= aim));
            figures.Add(new Figure("gateway", $"{name}: p50 / p99", $"{Figures.Ms(g.P50)} / {Figures.Ms(g.P99)} gateway",
                $"{Figures.Ms(d.P50)} / {Figures.Ms(d.P99)} direct", "p99 added ≤ 2 ms", g.P99 - d.P99 <= 2));
            figures.Add(new Figure("gateway", $"{name}: failed requests", $"{direct.Sum(r => r.Errors) + proxied.Sum(r => r.Errors)}", "", "0",
                direct.Sum(r => r.Errors) + proxied.Sum(r => r.Errors) == 0));
        }

        Task<RunResult> DriveAsync(Uri url, bool authenticated) => ClosedLoop.RunAsync(client, () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Get, url);
            if (authenticated)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return message;
        }, options.Connections, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(3));
    }

    private static (double Rps, double P50, double P99) Median(List<RunResult> runs) =>
        (Percentiles.Median(runs.Select(r => r.RequestsPerSecond)), Percentiles.Median(runs.Select(r => r.P50Ms)), Percentiles.Median(runs.Select(r => r.P99Ms)));
}
