using Fulfillment.Contracts.Events;

namespace Fulfillment.Contracts.Orders;

/// <summary>
/// An order as the storefront places it. <see cref="ReservationId"/> names the checkout reservation that holds its
/// stock; without one the order's lines are sourced from the network when payment is confirmed.
/// </summary>
public sealed record OrderRequest(
    string CustomerId,
    IReadOnlyList<OrderLine> Lines,
    string DestinationRegion,
    DateTimeOffset PromisedDeliveryAt,
    string? ReservationId = null);
