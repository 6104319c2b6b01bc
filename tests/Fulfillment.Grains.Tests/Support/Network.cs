using Fulfillment.Contracts;
using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Inventory;
using Grains;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>Shorthands for the grains of the default network (WH-EAST, WH-CENTRAL, WH-WEST).</summary>
public static class Network
{
    public const string East = "WH-EAST";
    public const string Central = "WH-CENTRAL";
    public const string West = "WH-WEST";

    public static IInventoryGrain Inventory(this IGrainFactory grains, string warehouseId, string sku) =>
        grains.GetGrain<IInventoryGrain>(FulfillmentStreams.InventoryKey(warehouseId, sku));

    public static IAvailabilityGrain Availability(this IGrainFactory grains, string sku) => grains.GetGrain<IAvailabilityGrain>(sku);

    /// <summary>Sets a position's levels and waits until the SKU's view shows them (pushes do not hold up the call).</summary>
    public static async Task<InventoryRow> StockAsync(this IGrainFactory grains, string warehouseId, string sku, int onHand, int safetyStock = 0)
    {
        var row = await grains.Inventory(warehouseId, sku).SetLevels(new InventoryLevels(onHand, safetyStock));
        await grains.ViewShowsAsync(row);
        return row;
    }

    /// <summary>Waits until the SKU's view holds <paramref name="row"/>'s version (or a newer one) for its warehouse.</summary>
    public static Task<SkuAvailability> ViewShowsAsync(this IGrainFactory grains, InventoryRow row) =>
        Eventually.Until(
            () => grains.Availability(row.Sku).Get(),
            view => view.Warehouses.Any(w => w.WarehouseId == row.WarehouseId && w.Version >= row.Version));

    /// <summary>Waits until the inventory grain's durable row satisfies <paramref name="done"/>.</summary>
    public static Task<InventoryRow?> RowWhen(this IGrainFactory grains, string warehouseId, string sku, Func<InventoryRow?, bool> done) =>
        Eventually.Until(() => grains.Inventory(warehouseId, sku).GetRow(), done);
}
