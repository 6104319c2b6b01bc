using System.Diagnostics.Metrics;

namespace Fulfillment.Bench.Measurement;

/// <summary>
/// Listens to a few of the runtime's and the providers' instruments: sums and counts of histogram recordings, and the
/// latest value of observable instruments on demand. Evidence of what the system did, beside what the callers saw.
/// </summary>
internal sealed class MetricProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly HashSet<string> _names;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (double Sum, long Count)> _totals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _observed = new(StringComparer.Ordinal);

    public MetricProbe(params string[] instrumentNames)
    {
        _names = new HashSet<string>(instrumentNames, StringComparer.Ordinal);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_names.Contains(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>Sum and count of every measurement of <paramref name="name"/> since the last <see cref="Reset"/>.</summary>
    public (double Sum, long Count) Total(string name)
    {
        lock (_lock)
        {
            return _totals.GetValueOrDefault(name);
        }
    }

    /// <summary>Polls observable instruments and returns the value <paramref name="name"/> reported.</summary>
    public double Observe(string name)
    {
        lock (_lock)
        {
            _observed.Remove(name);
        }

        _listener.RecordObservableInstruments();
        lock (_lock)
        {
            return _observed.GetValueOrDefault(name);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _totals.Clear();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(string name, double value)
    {
        lock (_lock)
        {
            var (sum, count) = _totals.GetValueOrDefault(name);
            _totals[name] = (sum + value, count + 1);
            _observed[name] = value;
        }
    }
}
