using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Reservations;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// What an order request must be. The gateway checks the same, but grains do not trust their callers: a request that
/// breaks a rule throws <see cref="ArgumentException"/> naming the field, and changes nothing.
/// </summary>
public static class OrderRules
{
    internal static void Validate(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.CustomerId, "customerId");
        Required(request.DestinationRegion, "destinationRegion");
        LineRules.Validate(request.Lines, l => l.Sku, l => l.Quantity, "an order", nameof(request));

        if (request.PromisedDeliveryAt == default)
        {
            throw new ArgumentException("promisedDeliveryAt is missing; an order needs a promised delivery time.", nameof(request));
        }

        if (request.ReservationId is { } reservationId && string.IsNullOrWhiteSpace(reservationId))
        {
            throw new ArgumentException("reservationId is blank; leave it out or name the reservation.", nameof(request));
        }
    }

    private static void Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is empty; it is required.", "request");
        }
    }
}
