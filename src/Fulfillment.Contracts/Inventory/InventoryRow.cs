namespace Fulfillment.Contracts.Inventory;

/// <summary>One warehouse's position in a SKU, as ATP reports it. <see cref="Version"/> increases with every change.</summary>
public sealed record InventoryRow(
    string WarehouseId,
    string Sku,
    int OnHand,
    int Reserved,
    int SafetyStock,
    int Inbound,
    long Version,
    DateTimeOffset UpdatedAt)
{
    /// <summary>On hand − reserved − safety stock, never negative.</summary>
    public int Available => Math.Max(0, OnHand - Reserved - SafetyStock);
}
