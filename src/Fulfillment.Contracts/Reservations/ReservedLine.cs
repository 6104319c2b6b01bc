namespace Fulfillment.Contracts.Reservations;

/// <summary>Part of a cart line held in one warehouse (a line split across warehouses has several).</summary>
public sealed record ReservedLine(string Sku, int Quantity, string WarehouseId);
