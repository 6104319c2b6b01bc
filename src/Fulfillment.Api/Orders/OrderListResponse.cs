namespace Fulfillment.Api.Orders;

/// <summary>The orders matching a list's filters, most recently changed first.</summary>
public sealed record OrderListResponse(IReadOnlyList<OrderSummaryResponse> Items);
