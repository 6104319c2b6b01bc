using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Configuration;
using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Sourcing;

/// <summary>
/// Decides where a cart ships from, from the network availability of its SKUs: one warehouse that can ship every line
/// if there is one, else the fewest warehouses, then the nearest to the destination region (by transit days), and the
/// promised delivery date that follows. Pure: the same inputs give the same plan.
/// <para>
/// Rules, in order: (1) a line is promised only if the network has enough of its SKU (lines of one SKU are planned
/// together, in cart order); a line that cannot be promised gets <c>CanPromise</c> false, no ship-from and no date,
/// and the rest of the cart is still planned. (2) The fewest warehouses that can ship every promised line, where a
/// line ships from a single warehouse whenever any warehouse has all of it, and is split only when none has. (3) Ties:
/// the smallest longest transit of the warehouses used, then the smallest total transit, then warehouse ids
/// (ordinal). Within the chosen warehouses an unsplit line ships from the one nearest the destination; a split line
/// takes the largest availabilities first, so it is split as little as possible. Every subset of the warehouses
/// stocking the cart is tried, smallest first: at most 2^16 with <see cref="FulfillmentOptions.MaxWarehouses"/>.
/// </para>
/// <para>
/// Promised delivery date = date of <c>now</c> in UTC + <c>Sourcing:HandlingDays</c> + the longest transit of the
/// warehouses used (per line for a line's date; over the cart for the plan's date, which is null unless every line
/// can be promised).
/// </para>
/// </summary>
public sealed class SourcingPlanner
{
    private readonly TransitTable _transit;
    private readonly int _handlingDays;

    /// <summary>A planner with the default handling time and transit table.</summary>
    public SourcingPlanner()
        : this(Options.Create(new SourcingOptions()))
    {
    }

    public SourcingPlanner(IOptions<SourcingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transit = new TransitTable(options.Value);
        _handlingDays = options.Value.HandlingDays;
    }

    public SourcingPlan Plan(
        IReadOnlyList<CartLine> lines,
        IReadOnlyDictionary<string, SkuAvailability> availabilityBySku,
        string? destinationRegion,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(availabilityBySku);
        Validate(lines);

        var demands = new Dictionary<string, SkuDemand>(StringComparer.Ordinal);
        var promisable = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!demands.TryGetValue(line.Sku, out var demand))
            {
                demands[line.Sku] = demand = SkuDemand.For(line.Sku, availabilityBySku);
            }

            promisable[i] = demand.TryAdd(line.Quantity);
        }

        var wanted = demands.Values.Where(d => d.Quantity > 0).ToList();
        var warehouses = ChooseWarehouses(wanted, destinationRegion);
        var allocations = wanted.ToDictionary(d => d.Sku, d => Allocate(d, warehouses, destinationRegion), StringComparer.Ordinal);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var planned = new List<LinePlan>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var available = demands[line.Sku].NetworkAvailable;
            if (!promisable[i])
            {
                planned.Add(new LinePlan(line.Sku, line.Quantity, available, false, [], null));
                continue;
            }

            var shipFrom = Take(allocations[line.Sku], line.Quantity);
            planned.Add(new LinePlan(line.Sku, line.Quantity, available, true, shipFrom, DeliveryDate(today, shipFrom.Select(s => s.WarehouseId), destinationRegion)));
        }

        var canPromiseAll = promisable.All(p => p);
        return new SourcingPlan(canPromiseAll, planned, canPromiseAll ? DeliveryDate(today, warehouses, destinationRegion) : null);
    }

    private static void Validate(IReadOnlyList<CartLine> lines)
    {
        if (lines.Count == 0)
        {
            throw new ArgumentException("A cart to plan needs at least one line.", nameof(lines));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null || string.IsNullOrWhiteSpace(lines[i].Sku))
            {
                throw new ArgumentException($"lines[{i}] names no SKU.", nameof(lines));
            }

            if (lines[i].Quantity < 1)
            {
                throw new ArgumentException($"lines[{i}].quantity is {lines[i].Quantity}; it must be at least 1.", nameof(lines));
            }
        }
    }

    /// <summary>The fewest warehouses that can ship every demand, nearest first; empty when nothing is wanted.</summary>
    private string[] ChooseWarehouses(List<SkuDemand> wanted, string? region)
    {
        if (wanted.Count == 0)
        {
            return [];
        }

        var candidates = wanted.SelectMany(d => d.AvailableByWarehouse.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (candidates.Count > FulfillmentOptions.MaxWarehouses)
        {
            throw new InvalidOperationException(
                $"The cart is stocked in {candidates.Count} warehouses; sourcing plans over at most {FulfillmentOptions.MaxWarehouses}.");
        }

        for (var size = 1; size <= candidates.Count; size++)
        {
            string[]? best = null;
            (int Longest, int Total) bestTransit = default;

            // Subsets come in ordinal order of their ids, so on equal transit the first one found wins.
            foreach (var subset in WarehouseSubsets.OfSize(candidates, size))
            {
                if (!wanted.All(d => CanShip(d, subset)))
                {
                    continue;
                }

                var transit = (Longest: subset.Max(w => _transit.DaysTo(region, w)), Total: subset.Sum(w => _transit.DaysTo(region, w)));
                if (best is null || transit.CompareTo(bestTransit) < 0)
                {
                    best = subset;
                    bestTransit = transit;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        // Every wanted quantity fits in the network, so the set of all candidates always ships it.
        throw new InvalidOperationException("No set of warehouses can ship the promisable lines.");
    }

    private static bool CanShip(SkuDemand demand, string[] warehouses) =>
        demand.FitsInOneWarehouse
            ? warehouses.Any(w => demand.AvailableAt(w) >= demand.Quantity)
            : warehouses.Sum(demand.AvailableAt) >= demand.Quantity;

    private List<ShipFrom> Allocate(SkuDemand demand, string[] warehouses, string? region)
    {
        if (demand.FitsInOneWarehouse)
        {
            var nearest = warehouses
                .Where(w => demand.AvailableAt(w) >= demand.Quantity)
                .OrderBy(w => _transit.DaysTo(region, w))
                .ThenBy(w => w, StringComparer.Ordinal)
                .First();
            return [new ShipFrom(nearest, demand.Quantity)];
        }

        var parts = new List<ShipFrom>();
        var remaining = demand.Quantity;
        foreach (var warehouse in warehouses
            .Where(w => demand.AvailableAt(w) > 0)
            .OrderByDescending(demand.AvailableAt)
            .ThenBy(w => _transit.DaysTo(region, w))
            .ThenBy(w => w, StringComparer.Ordinal))
        {
            var quantity = Math.Min(remaining, demand.AvailableAt(warehouse));
            parts.Add(new ShipFrom(warehouse, quantity));
            remaining -= quantity;
            if (remaining == 0)
            {
                break;
            }
        }

        return parts;
    }

    /// <summary>Takes one line's quantity from its SKU's allocation, in allocation order; the rest stays for the SKU's next line.</summary>
    private static List<ShipFrom> Take(List<ShipFrom> allocation, int quantity)
    {
        var taken = new List<ShipFrom>();
        while (quantity > 0)
        {
            var next = allocation[0];
            var part = Math.Min(quantity, next.Quantity);
            taken.Add(new ShipFrom(next.WarehouseId, part));
            quantity -= part;
            if (part == next.Quantity)
            {
                allocation.RemoveAt(0);
            }
            else
            {
                allocation[0] = next with { Quantity = next.Quantity - part };
            }
        }

        return taken;
    }

    private DateOnly? DeliveryDate(DateOnly today, IEnumerable<string> warehouses, string? region)
    {
        var transit = warehouses.Select(w => _transit.DaysTo(region, w)).DefaultIfEmpty(-1).Max();
        return transit < 0 ? null : today.AddDays(_handlingDays + transit);
    }
}
