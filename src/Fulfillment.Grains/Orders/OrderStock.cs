using Fulfillment.Contracts;
using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Contracts.Reservations;
using Grains;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// An order's calls to the stock: allocate on payment, ship on the carrier scan, release on cancellation. Every call is
/// idempotent (a reservation confirmed for the same order, a placement under the same id, a shipment or release of
/// stock already gone all answer without changing anything again), so the order grain can repeat them after a crash
/// before it recorded their outcome.
/// </summary>
internal sealed class OrderStock(IGrainFactory grains)
{
    /// <summary>How long the hold of a sourced order lasts before its confirmation, which follows at once.</summary>
    internal const int SourcingHoldSeconds = 900;

    /// <summary>
    /// Confirms the order's checkout reservation; when there is none, or it can no longer be confirmed (expired,
    /// released, unknown), sources the lines afresh under a reservation keyed by the order id and confirms that.
    /// </summary>
    public async Task<AllocationResult> AllocateAsync(string orderId, string? reservationId, IReadOnlyList<OrderLine> lines, string destinationRegion)
    {
        string? checkoutProblem = null;
        if (reservationId is not null)
        {
            var confirmed = await Reservation(reservationId).Confirm(orderId);
            if (confirmed.Outcome == ReservationOutcome.Confirmed)
            {
                return new AllocationResult(reservationId, confirmed.Reservation!.Lines, null);
            }

            checkoutProblem = $"reservation '{reservationId}' could not be confirmed ({Describe(confirmed)}); ";
        }

        var sourced = Reservation(orderId);
        var request = new ReservationRequest([.. lines.Select(l => new CartLine(l.Sku, l.Quantity))], SourcingHoldSeconds, destinationRegion);
        var placed = await sourced.Place(request);
        if (placed.Outcome != ReservationOutcome.Held)
        {
            return AllocationResult.Failed($"{checkoutProblem}sourcing failed: {Describe(placed)}");
        }

        var confirmation = await sourced.Confirm(orderId);
        return confirmation.Outcome == ReservationOutcome.Confirmed
            ? new AllocationResult(orderId, confirmation.Reservation!.Lines, null)
            : AllocationResult.Failed($"{checkoutProblem}sourcing failed: {Describe(confirmation)}");
    }

    /// <summary>Every allocated line leaves its warehouse: on hand drops there and the allocation ends.</summary>
    public Task ShipAsync(string reservationId, IEnumerable<ReservedLine> allocations) =>
        Task.WhenAll(allocations
            .Select(a => FulfillmentStreams.InventoryKey(a.WarehouseId, a.Sku))
            .Distinct(StringComparer.Ordinal)
            .Select(key => grains.GetGrain<IInventoryGrain>(key).Ship(reservationId)));

    /// <summary>Returns the reservation's stock at once, held or allocated.</summary>
    public Task ReleaseAsync(string reservationId) => Reservation(reservationId).Release();

    private IReservationGrain Reservation(string reservationId) => grains.GetGrain<IReservationGrain>(reservationId);

    private static string Describe(ReservationResult result) => result.Outcome switch
    {
        ReservationOutcome.Short => "short of " + string.Join(", ", result.ShortLines.Select(s => $"{s.Sku} (requested {s.Requested}, available {s.Available})")),
        _ => result.Detail is { } detail ? $"{result.Outcome}: {detail}" : result.Outcome.ToString(),
    };
}
