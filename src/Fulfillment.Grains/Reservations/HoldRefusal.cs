namespace Fulfillment.Grains.Reservations;

/// <summary>A part an inventory grain refused to hold, and what it had available then.</summary>
internal sealed record HoldRefusal(string Sku, string WarehouseId, int Available);
