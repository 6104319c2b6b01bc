namespace Fulfillment.Api.Reservations;

/// <summary>A quantity of a SKU held in one warehouse; a line split across warehouses appears once per warehouse.</summary>
public sealed record ReservationLineResponse(string Sku, int Quantity, string WarehouseId);
