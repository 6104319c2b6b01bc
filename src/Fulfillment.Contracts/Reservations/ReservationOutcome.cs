namespace Fulfillment.Contracts.Reservations;

/// <summary>What an operation on a reservation did.</summary>
public enum ReservationOutcome
{
    /// <summary>Every line is held (or already was: a repeat).</summary>
    Held,

    /// <summary>Some line could not be held; nothing is held. See <see cref="ReservationResult.ShortLines"/>.</summary>
    Short,

    Confirmed,

    Released,

    /// <summary>No reservation has this id.</summary>
    NotFound,

    /// <summary>The reservation expired before it could be confirmed.</summary>
    Expired,

    /// <summary>The operation does not apply in the reservation's state (e.g. confirming a released one, or another order).</summary>
    Conflict,
}
