namespace Fulfillment.Contracts.Reservations;

/// <summary>The states of API.md: <c>held</c>, <c>confirmed</c>, <c>released</c>, <c>expired</c>.</summary>
public enum ReservationStatus
{
    Held,
    Confirmed,
    Released,
    Expired,
}
