using Fulfillment.Contracts.Reservations;

namespace Fulfillment.Grains.Orders;

/// <summary>Where an order's stock was allocated (the reservation holding it and its lines), or why it could not be.</summary>
internal sealed record AllocationResult(string? ReservationId, IReadOnlyList<ReservedLine> Lines, string? Issue)
{
    public static AllocationResult Failed(string issue) => new(null, [], issue);
}
