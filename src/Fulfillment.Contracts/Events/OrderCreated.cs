using System.Text.Json.Serialization;

namespace Fulfillment.Contracts.Events;

/// <summary>Data of <c>fulfillment.order.created</c>: an order was placed; it may confirm a held reservation.</summary>
public sealed record OrderCreated(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("customerId")] string CustomerId,
    [property: JsonPropertyName("lines")] IReadOnlyList<OrderLine> Lines,
    [property: JsonPropertyName("destinationRegion")] string DestinationRegion,
    [property: JsonPropertyName("promisedDeliveryAt")] DateTimeOffset PromisedDeliveryAt,
    [property: JsonPropertyName("reservationId")] string? ReservationId = null);
