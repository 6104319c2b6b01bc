namespace Fulfillment.Contracts.Reservations;

/// <summary>A cart to reserve: its lines, how long to hold them, and where it ships (for sourcing).</summary>
public sealed record ReservationRequest(IReadOnlyList<CartLine> Lines, int TtlSeconds, string? DestinationRegion);
