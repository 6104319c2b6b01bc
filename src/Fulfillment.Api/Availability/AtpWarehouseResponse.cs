namespace Fulfillment.Api.Availability;

/// <summary>One warehouse's position in a SKU: available = on hand − reserved − safety stock, never negative.</summary>
public sealed record AtpWarehouseResponse(string WarehouseId, int OnHand, int Reserved, int SafetyStock, int Available, int Inbound);
