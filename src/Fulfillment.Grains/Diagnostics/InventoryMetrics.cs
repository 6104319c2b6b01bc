using System.Diagnostics.Metrics;

namespace Fulfillment.Grains.Diagnostics;

/// <summary>The instruments of the <c>Fulfillment.Inventory</c> meter.</summary>
internal sealed class InventoryMetrics
{
    private readonly Counter<long> _holds;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _expiries;

    public InventoryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(InventoryInstrumentNames.Meter);
        _holds = meter.CreateCounter<long>(InventoryInstrumentNames.Holds, "{hold}", "Holds taken for reservations.");
        _refusals = meter.CreateCounter<long>(InventoryInstrumentNames.Refusals, "{hold}", "Holds refused for lack of available stock.");
        _expiries = meter.CreateCounter<long>(InventoryInstrumentNames.Expiries, "{hold}", "Holds that expired and returned their stock.");
    }

    public void Held(string warehouseId) => _holds.Add(1, Tag(warehouseId));

    public void Refused(string warehouseId) => _refusals.Add(1, Tag(warehouseId));

    public void Expired(string warehouseId, int count)
    {
        if (count > 0)
        {
            _expiries.Add(count, Tag(warehouseId));
        }
    }

    private static KeyValuePair<string, object?> Tag(string warehouseId) => new(InventoryInstrumentNames.WarehouseTag, warehouseId);
}
