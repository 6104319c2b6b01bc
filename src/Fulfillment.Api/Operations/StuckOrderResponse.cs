namespace Fulfillment.Api.Operations;

/// <summary>An order of a warehouse with an open stall alert: its kind, and since when it is open.</summary>
public sealed record StuckOrderResponse(string OrderId, string Kind, DateTimeOffset Since);
