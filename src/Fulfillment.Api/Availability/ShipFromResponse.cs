namespace Fulfillment.Api.Availability;

/// <summary>How much of a line one warehouse ships.</summary>
public sealed record ShipFromResponse(string WarehouseId, int Quantity);
