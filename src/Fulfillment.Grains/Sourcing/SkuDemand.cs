using Fulfillment.Contracts.Availability;

namespace Fulfillment.Grains.Sourcing;

/// <summary>
/// What a cart asks of one SKU: the quantity of its lines that can be promised (lines of one SKU are planned as one
/// demand), and the stock each warehouse has available.
/// </summary>
internal sealed class SkuDemand
{
    private SkuDemand(string sku, SkuAvailability? availability)
    {
        Sku = sku;
        AvailableByWarehouse = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in availability?.Warehouses ?? [])
        {
            if (row.Available > 0)
            {
                AvailableByWarehouse[row.WarehouseId] = AvailableByWarehouse.GetValueOrDefault(row.WarehouseId) + row.Available;
            }
        }

        NetworkAvailable = AvailableByWarehouse.Values.Sum();
    }

    public string Sku { get; }

    public int NetworkAvailable { get; }

    /// <summary>The part of the demand that can be promised: the lines, in cart order, that fit in what the network has.</summary>
    public int Quantity { get; private set; }

    public Dictionary<string, int> AvailableByWarehouse { get; }

    /// <summary>True when one warehouse has all of it: then it must not be split.</summary>
    public bool FitsInOneWarehouse => AvailableByWarehouse.Values.Any(available => available >= Quantity);

    public int AvailableAt(string warehouseId) => AvailableByWarehouse.GetValueOrDefault(warehouseId);

    /// <summary>Adds a line to the demand if the network can still promise it; false when it cannot.</summary>
    public bool TryAdd(int quantity)
    {
        if (Quantity + quantity > NetworkAvailable)
        {
            return false;
        }

        Quantity += quantity;
        return true;
    }

    public static SkuDemand For(string sku, IReadOnlyDictionary<string, SkuAvailability> availabilityBySku) =>
        new(sku, availabilityBySku.GetValueOrDefault(sku));
}
