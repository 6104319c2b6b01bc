namespace Fulfillment.Api.Inventory;

/// <summary>One warehouse's position in a SKU, as available-to-promise reports it: available = on hand − reserved − safety stock, never negative.</summary>
public sealed record InventoryRowResponse(string WarehouseId, string Sku, int OnHand, int Reserved, int SafetyStock, int Available, int Inbound);
