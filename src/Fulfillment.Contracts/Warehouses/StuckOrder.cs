namespace Fulfillment.Contracts.Warehouses;

/// <summary>An order with an open stall alert: which kind, and since when.</summary>
public sealed record StuckOrder(string OrderId, string Kind, DateTimeOffset Since);
