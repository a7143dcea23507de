using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Lms.ServiceDefaults.Messaging;

/// <summary>
/// Deliveries this process gave up on (every retry spent, or <see cref="UnprocessableMessageException"/>): each went to
/// its queue's <c>_error</c> queue. Counted as <c>lms.consumer.faults</c> (meter <c>Lms.Messaging</c>; MassTransit's own
/// counters count attempts, not deliveries given up), and kept for <see cref="Window"/> so <c>./lms status</c> can say
/// "faults in the last minutes" without asking the broker.
/// </summary>
public sealed class ConsumerFaults
{
    public const string MeterName = "Lms.Messaging";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentQueue<(DateTimeOffset At, string Consumer)> _faults = new();
    private readonly TimeProvider _clock;
    private readonly Counter<long> _counter;

    public ConsumerFaults(TimeProvider clock, IMeterFactory meters)
    {
        _clock = clock;
        _counter = meters.Create(MeterName).CreateCounter<long>("lms.consumer.faults", "{delivery}",
            "Deliveries given up on after every retry (moved to the queue's _error queue), by lms.consumer");
    }

    public void Record(string consumer)
    {
        _faults.Enqueue((_clock.GetUtcNow(), consumer));
        _counter.Add(1, new KeyValuePair<string, object?>("lms.consumer", consumer));
        Forget();
    }

    /// <summary>Faults within the window, per consumer.</summary>
    public IReadOnlyDictionary<string, int> Recent()
    {
        Forget();
        return _faults.GroupBy(f => f.Consumer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private void Forget()
    {
        var cutoff = _clock.GetUtcNow() - Window;
        while (_faults.TryPeek(out var oldest) && oldest.At < cutoff)
        {
            _faults.TryDequeue(out _);
        }
    }
}
