using System.ComponentModel.DataAnnotations;
using Fulfillment.Api.Validation;

namespace Fulfillment.Api.Orders;

/// <summary>
/// An order as a storefront places it: the client's order id (its idempotency key), the customer, the lines (each SKU
/// once), the region it ships to, the delivery time promised at checkout (RFC 3339) and, optionally, the reservation
/// that holds its stock.
/// </summary>
public sealed record PlaceOrderRequest(
    [property: Required] string? OrderId,
    [property: Required] string? CustomerId,
    [property: Required] IReadOnlyList<CartLineRequest?>? Lines,
    [property: Required] string? DestinationRegion,
    [property: Required] string? PromisedDeliveryAt,
    string? ReservationId);
