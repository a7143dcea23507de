using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Lms.Testing;

/// <summary>One measurement of an instrument: its value and its attributes.</summary>
public sealed record Measurement(double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// Listens in-process to one instrument, as an OpenTelemetry exporter would. <paramref name="scope"/> (a host's
/// <see cref="IMeterFactory"/>) keeps to that host's meters when several services run in one test process; null takes
/// the instrument from any meter of that name (static meters such as MassTransit's).
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly List<Measurement> _observed = [];
    private bool _observing;

    public MetricRecorder(string meterName, string instrumentName, object? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Add(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Add(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    /// <summary>The sum of the measurements recorded so far whose attributes satisfy <paramref name="where"/>.</summary>
    public double Sum(Func<Measurement, bool>? where = null) => Measurements.Where(where ?? (_ => true)).Sum(m => m.Value);

    /// <summary>Reads an observable instrument now, as an exporter's collection does, and returns what it reported.</summary>
    public IReadOnlyList<Measurement> Observe()
    {
        lock (_observed)
        {
            _observed.Clear();
            _observing = true;
            _listener.RecordObservableInstruments();
            _observing = false;
            return [.. _observed];
        }
    }

    private void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var measurement = new Measurement(value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
        if (_observing)
        {
            _observed.Add(measurement);
        }
        else
        {
            _measurements.Enqueue(measurement);
        }
    }

    public void Dispose() => _listener.Dispose();
}
