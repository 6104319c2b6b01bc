using Fulfillment.Contracts;
using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Configuration;
using Grains;

namespace Fulfillment.Grains.Availability;

/// <summary>
/// The network view of one SKU: the newest row of each warehouse stocking it, pushed by the inventory grains. It keeps
/// nothing in storage: every row is derived from an inventory grain's durable state, so a new activation rebuilds the
/// view by asking each configured warehouse (one read each) instead of persisting a copy that could disagree. Rows
/// keep the highest version per warehouse, so pushes that arrive late or twice never move the view backwards.
/// </summary>
[GrainType("availability")]
internal sealed class AvailabilityGrain : Grain, IAvailabilityGrain
{
    private readonly WarehouseNetwork _network;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, InventoryRow> _rows = new(StringComparer.Ordinal);
    private IReadOnlyList<InventoryRow>? _ordered;

    public AvailabilityGrain(WarehouseNetwork network, TimeProvider time)
    {
        _network = network;
        _time = time;
    }

    private string Sku => GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var sku = Sku;
        var rows = await Task.WhenAll(_network.Ids.Select(
            warehouseId => GrainFactory.GetGrain<IInventoryGrain>(FulfillmentStreams.InventoryKey(warehouseId, sku)).GetRow()));
        foreach (var row in rows)
        {
            if (row is not null)
            {
                Keep(row);
            }
        }
    }

    public Task<SkuAvailability> Get()
    {
        _ordered ??= [.. _rows.Values.OrderBy(r => r.WarehouseId, StringComparer.Ordinal)];
        return Task.FromResult(new SkuAvailability(Sku, _ordered, _time.GetUtcNow()));
    }

    public Task Publish(InventoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!string.Equals(row.Sku, Sku, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A row of SKU '{row.Sku}' was published to the availability of '{Sku}'.", nameof(row));
        }

        Keep(row);
        return Task.CompletedTask;
    }

    private void Keep(InventoryRow row)
    {
        if (_rows.TryGetValue(row.WarehouseId, out var held) && held.Version >= row.Version)
        {
            return;
        }

        _rows[row.WarehouseId] = row;
        _ordered = null;
    }
}
