namespace Fulfillment.Grains.Reservations;

/// <summary>Part of a reservation: a quantity of a SKU held in one warehouse (one hold per inventory grain).</summary>
internal sealed class ReservedPart
{
    public string Sku { get; set; } = string.Empty;

    public string WarehouseId { get; set; } = string.Empty;

    public int Quantity { get; set; }
}
