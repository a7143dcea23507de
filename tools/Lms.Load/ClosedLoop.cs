using System.Diagnostics;

namespace Lms.Load;

/// <summary>What one measured run produced: throughput, latency percentiles and failures.</summary>
public sealed record RunResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>
/// A closed loop: <c>workers</c> each start the next operation as soon as the previous one finished, for a fixed time
/// after a warm-up. Every latency is kept (a run is at most a few hundred thousand operations), so the percentiles are
/// exact rather than estimated.
/// </summary>
public static class ClosedLoop
{
    /// <summary>HTTP requests; an answer that is not a success counts as an error.</summary>
    public static Task<RunResult> RunAsync(HttpClient client, Func<HttpRequestMessage> request, int connections, TimeSpan duration, TimeSpan warmUp) =>
        RunAsync(async () =>
        {
            try
            {
                using var message = request();
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, connections, duration, warmUp);

    /// <summary>Any operation that says whether it succeeded.</summary>
    public static async Task<RunResult> RunAsync(Func<Task<bool>> operation, int workers, TimeSpan duration, TimeSpan warmUp)
    {
        await DriveAsync(operation, workers, warmUp, latencies: null);
        var latencies = new List<double>[workers];
        for (var i = 0; i < workers; i++)
        {
            latencies[i] = new List<double>(16_384);
        }
        var clock = Stopwatch.StartNew();
        var errors = await DriveAsync(operation, workers, duration, latencies);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return all.Length == 0
            ? new RunResult(0, double.NaN, double.NaN, errors)
            : new RunResult(all.Length / elapsed, Percentiles.Of(all, 0.50), Percentiles.Of(all, 0.99), errors);
    }

    private static async Task<long> DriveAsync(Func<Task<bool>> operation, int workers, TimeSpan duration, List<double>[]? latencies)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long errors = 0;
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await operation())
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }
                latencies?[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        await Task.WhenAll(tasks);
        return errors;
    }
}

public static class Percentiles
{
    /// <summary>The nearest-rank percentile of values already sorted ascending.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];

    public static double Median(IEnumerable<double> values) => Of([.. values.Order()], 0.5);
}
