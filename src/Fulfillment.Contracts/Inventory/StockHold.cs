namespace Fulfillment.Contracts.Inventory;

/// <summary>A request to hold stock for a reservation until it expires.</summary>
public sealed record StockHold(string ReservationId, int Quantity, DateTimeOffset ExpiresAt);
