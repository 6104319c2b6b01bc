using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Sourcing;

namespace Fulfillment.Grains.Reservations;

/// <summary>The short lines of a refused reservation: per SKU, what the cart asked for and what the network had.</summary>
internal static class Shortfall
{
    /// <summary>The SKUs the plan could not promise, with the network availability it planned with.</summary>
    public static IReadOnlyList<ShortLine> FromPlan(SourcingPlan plan, IReadOnlyList<RequestedLine> requested) =>
    [
        .. requested
            .Where(r => plan.Lines.Any(l => !l.CanPromise && string.Equals(l.Sku, r.Sku, StringComparison.Ordinal)))
            .Select(r => new ShortLine(r.Sku, r.Quantity, plan.Lines.First(l => string.Equals(l.Sku, r.Sku, StringComparison.Ordinal)).Available)),
    ];

    /// <summary>
    /// The SKUs whose holds were refused: the network availability read for the plan, with each refusing warehouse's
    /// figure replaced by the one it gave when it refused (the latest there is).
    /// </summary>
    public static IReadOnlyList<ShortLine> FromRefusals(
        IReadOnlyList<HoldRefusal> refusals, IReadOnlyDictionary<string, SkuAvailability> availability, IReadOnlyList<RequestedLine> requested) =>
    [
        .. requested
            .Where(r => refusals.Any(f => string.Equals(f.Sku, r.Sku, StringComparison.Ordinal)))
            .Select(r => new ShortLine(r.Sku, r.Quantity, NetworkAvailable(r.Sku, refusals, availability))),
    ];

    private static int NetworkAvailable(string sku, IReadOnlyList<HoldRefusal> refusals, IReadOnlyDictionary<string, SkuAvailability> availability)
    {
        var rows = availability.TryGetValue(sku, out var view) ? view.Warehouses : [];
        var total = 0;
        foreach (var row in rows)
        {
            var refusal = refusals.FirstOrDefault(f => string.Equals(f.Sku, sku, StringComparison.Ordinal) && string.Equals(f.WarehouseId, row.WarehouseId, StringComparison.Ordinal));
            total += refusal?.Available ?? row.Available;
        }

        return total;
    }
}
