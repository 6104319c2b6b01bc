using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>
/// Totals of one meter's counters in one silo, by instrument and the value of one tag (other tests run silos with
/// meters of the same name).
/// </summary>
public sealed class MeterTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tag), long> _totals = new();

    public MeterTotals(TestSilo silo, string meterName, string tagName)
    {
        var scope = silo.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == tagName)
                {
                    _totals.AddOrUpdate((instrument.Name, (string)tag.Value!), value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long Total(string instrument, string tagValue) => _totals.GetValueOrDefault((instrument, tagValue));

    public void Dispose() => _listener.Dispose();
}
