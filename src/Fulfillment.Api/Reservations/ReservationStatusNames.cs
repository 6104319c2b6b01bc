using Fulfillment.Contracts.Reservations;

namespace Fulfillment.Api.Reservations;

/// <summary>The wire names of <see cref="ReservationStatus"/>: lower case, as API.md spells them.</summary>
public static class ReservationStatusNames
{
    public const string Held = "held";
    public const string Confirmed = "confirmed";
    public const string Released = "released";
    public const string Expired = "expired";

    public static IReadOnlyList<string> All { get; } = [Held, Confirmed, Released, Expired];

    public static string Of(ReservationStatus status) => status switch
    {
        ReservationStatus.Held => Held,
        ReservationStatus.Confirmed => Confirmed,
        ReservationStatus.Released => Released,
        ReservationStatus.Expired => Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A reservation status the gateway does not know."),
    };
}
