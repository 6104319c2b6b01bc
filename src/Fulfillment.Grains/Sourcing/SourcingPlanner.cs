using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Reservations;

namespace Fulfillment.Grains.Sourcing;

/// <summary>
/// Decides where a cart ships from, from the network availability of its SKUs: one warehouse that can ship every line
/// if there is one, else the fewest warehouses, then the nearest to the destination region (by transit days), and the
/// promised delivery date that follows. Pure: the same inputs give the same plan.
/// </summary>
public sealed class SourcingPlanner
{
    public SourcingPlan Plan(
        IReadOnlyList<CartLine> lines,
        IReadOnlyDictionary<string, SkuAvailability> availabilityBySku,
        string? destinationRegion,
        DateTimeOffset now) =>
        throw new NotImplementedException("The sourcing rules are being written.");
}
