using System.Text.Json.Serialization;

namespace Fulfillment.Grains.Reservations;

/// <summary>
/// Where a reservation stands, as stored (by name, so the stored form survives reordering). A held reservation whose
/// expiry has passed reads as expired without being stored so: expiry is a matter of time, not of a write.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReservationPhase>))]
internal enum ReservationPhase
{
    /// <summary>Nothing placed under this id (refusals are not stored, so a later retry may succeed).</summary>
    None,

    Held,

    Confirmed,

    Released,

    /// <summary>Found expired by an operation (a hold had lapsed, or a release came after the expiry).</summary>
    Expired,
}
