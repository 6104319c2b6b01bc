namespace Fulfillment.Grains.Sourcing;

/// <summary>How much of a line one warehouse ships.</summary>
public sealed record ShipFrom(string WarehouseId, int Quantity);
