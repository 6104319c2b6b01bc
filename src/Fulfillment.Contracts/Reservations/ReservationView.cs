namespace Fulfillment.Contracts.Reservations;

/// <summary>A reservation as the gateway returns it. <see cref="ExpiresAt"/> is null once confirmed.</summary>
public sealed record ReservationView(
    string ReservationId,
    ReservationStatus Status,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<ReservedLine> Lines,
    string? OrderId,
    DateTimeOffset CreatedAt);
