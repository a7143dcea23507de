using System.Diagnostics;

namespace Lms.Load;

/// <summary>What one measured run produced: throughput, latency percentiles and failures.</summary>
public sealed record RunResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>
/// A closed loop: <c>connections</c> workers each send the next request as soon as the previous one answered, for a
/// fixed time after a warm-up. Every latency is kept (a run is at most a few hundred thousand requests), so the
/// percentiles are exact rather than estimated.
/// </summary>
public static class ClosedLoop
{
    public static async Task<RunResult> RunAsync(HttpClient client, Func<HttpRequestMessage> request, int connections, TimeSpan duration,
        TimeSpan warmUp)
    {
        await DriveAsync(client, request, connections, warmUp, latencies: null);
        var latencies = new List<double>[connections];
        for (var i = 0; i < connections; i++)
        {
            latencies[i] = new List<double>(16_384);
        }
        var clock = Stopwatch.StartNew();
        var errors = await DriveAsync(client, request, connections, duration, latencies);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return all.Length == 0
            ? new RunResult(0, double.NaN, double.NaN, errors)
            : new RunResult(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    private static async Task<long> DriveAsync(HttpClient client, Func<HttpRequestMessage> request, int connections, TimeSpan duration,
        List<double>[]? latencies)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long errors = 0;
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var message = request();
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }
                latencies?[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        await Task.WhenAll(workers);
        return errors;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
