using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Fulfillment.Grains.Diagnostics;
using Grains.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>Totals of the <c>Fulfillment.Inventory</c> instruments of one silo (other tests run silos with meters of the same name).</summary>
public sealed class InventoryMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Warehouse), long> _totals = new();

    public InventoryMeter(TestSilo silo)
    {
        var scope = silo.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InventoryInstrumentNames.Meter && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var warehouse = (string)tags.ToArray().Single(t => t.Key == InventoryInstrumentNames.WarehouseTag).Value!;
            _totals.AddOrUpdate((instrument.Name, warehouse), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long Total(string instrument, string warehouse) => _totals.GetValueOrDefault((instrument, warehouse));

    public void Dispose() => _listener.Dispose();
}
