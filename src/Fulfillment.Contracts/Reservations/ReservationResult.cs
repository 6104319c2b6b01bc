namespace Fulfillment.Contracts.Reservations;

/// <summary>The outcome of an operation, the reservation after it (when there is one), and the short lines of a refusal.</summary>
public sealed record ReservationResult(ReservationOutcome Outcome, ReservationView? Reservation, IReadOnlyList<ShortLine> ShortLines, string? Detail = null);
