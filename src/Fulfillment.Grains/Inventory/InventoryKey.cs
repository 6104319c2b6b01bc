using Fulfillment.Contracts;

namespace Fulfillment.Grains.Inventory;

/// <summary>The key of an inventory grain, <c>warehouseId/sku</c>: the first '/' separates the two (warehouse ids have none).</summary>
internal readonly record struct InventoryKey(string WarehouseId, string Sku)
{
    public static InventoryKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"Inventory key '{key}' is not 'warehouseId/sku'.", nameof(key));
        }

        return new InventoryKey(key[..slash], key[(slash + 1)..]);
    }

    public override string ToString() => FulfillmentStreams.InventoryKey(WarehouseId, Sku);
}
