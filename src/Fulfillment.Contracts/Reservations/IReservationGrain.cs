using Grains;

namespace Fulfillment.Contracts.Reservations;

/// <summary>
/// One checkout reservation (keyed by reservation id) across several inventory grains: every line is held or none is.
/// A line that cannot be held releases the lines already held; a crash in the middle is repaired by the holds' expiry.
/// </summary>
[Alias("fulfillment.reservation")]
public interface IReservationGrain : IGrainWithStringKey
{
    /// <summary>Sources and holds the lines. The same id again returns the same outcome and holds nothing twice.</summary>
    Task<ReservationResult> Place(ReservationRequest request);

    /// <summary>Confirms a held reservation for an order: its holds become allocations with no expiry.</summary>
    Task<ReservationResult> Confirm(string orderId);

    /// <summary>Releases the reservation; its stock returns at once.</summary>
    Task<ReservationResult> Release();

    [ReadOnly]
    Task<ReservationView?> Get();
}
