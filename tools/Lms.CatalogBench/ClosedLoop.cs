using System.Diagnostics;

namespace Lms.CatalogBench;

/// <summary>What one measured run produced: throughput, latency percentiles and failures.</summary>
internal sealed record RunResult(double PerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>
/// A closed loop: <c>workers</c> each start the next operation as soon as the previous one finished, for a fixed time
/// after a warm-up. Every latency is kept, so the percentiles are exact. The figure reported is the median of runs.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<RunResult> MedianAsync(Func<Task> operation, int workers, int runs, TimeSpan duration, TimeSpan warmUp)
    {
        await RunAsync(operation, workers, warmUp);
        var results = new List<RunResult>();
        for (var i = 0; i < runs; i++)
        {
            results.Add(await RunAsync(operation, workers, duration));
        }
        return new RunResult(Median(results.Select(r => r.PerSecond)), Median(results.Select(r => r.P50Ms)), Median(results.Select(r => r.P99Ms)),
            results.Sum(r => r.Errors));
    }

    private static async Task<RunResult> RunAsync(Func<Task> operation, int workers, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = Enumerable.Range(0, workers).Select(_ => new List<double>(8_192)).ToArray();
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation();
                    latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or System.Data.Common.DbException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return all.Length == 0
            ? new RunResult(0, double.NaN, double.NaN, errors)
            : new RunResult(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}
