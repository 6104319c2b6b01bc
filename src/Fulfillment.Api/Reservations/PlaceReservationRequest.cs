using System.ComponentModel.DataAnnotations;
using Fulfillment.Api.Validation;

namespace Fulfillment.Api.Reservations;

/// <summary>
/// A cart to hold: the client's reservation id (its idempotency key), the lines (each SKU once), how long to hold them
/// (<c>ttlSeconds</c>, default 900, 30 to 14400) and, optionally, the region it ships to.
/// </summary>
public sealed record PlaceReservationRequest(
    [property: Required] string? ReservationId,
    [property: Required] IReadOnlyList<CartLineRequest?>? Lines,
    int? TtlSeconds,
    string? DestinationRegion);
