using Fulfillment.Contracts.Inventory;

namespace Fulfillment.Contracts.Availability;

/// <summary>A SKU across the network: one row per warehouse stocking it (none for an unknown SKU).</summary>
public sealed record SkuAvailability(string Sku, IReadOnlyList<InventoryRow> Warehouses, DateTimeOffset AsOf)
{
    public int Available => Warehouses.Sum(w => w.Available);
}
