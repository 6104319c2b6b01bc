using Fulfillment.Contracts;
using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Configuration;
using Grains;

namespace Fulfillment.Grains.Reservations;

/// <summary>A reservation's calls to the network: availability to plan with, and the holds of its parts, all in parallel.</summary>
internal sealed class NetworkStock
{
    private readonly IGrainFactory _grains;
    private readonly WarehouseNetwork _network;

    public NetworkStock(IGrainFactory grains, WarehouseNetwork network)
    {
        _grains = grains;
        _network = network;
    }

    /// <summary>The availability views of the SKUs: one in-memory call each.</summary>
    public async Task<Dictionary<string, SkuAvailability>> ViewAsync(IEnumerable<string> skus)
    {
        var views = await Task.WhenAll(skus.Select(sku => _grains.GetGrain<IAvailabilityGrain>(sku).Get()));
        return views.ToDictionary(v => v.Sku, StringComparer.Ordinal);
    }

    /// <summary>
    /// Availability read from the inventory grains themselves, for a re-plan after a race: the views may not yet show
    /// a hold another cart just took, the grains that refused it do.
    /// </summary>
    public async Task<Dictionary<string, SkuAvailability>> ReadAsync(IReadOnlyList<string> skus, DateTimeOffset asOf)
    {
        var reads = skus.ToDictionary(
            sku => sku,
            sku => Task.WhenAll(_network.Ids.Select(w => Inventory(w, sku).GetRow())),
            StringComparer.Ordinal);
        await Task.WhenAll(reads.Values);
        return reads.ToDictionary(
            p => p.Key,
            p => new SkuAvailability(p.Key, [.. p.Value.Result.OfType<InventoryRow>()], asOf),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Holds every part until <paramref name="expiresAt"/>; returns the refusals. When a part is refused the parts
    /// held are released again, and when a call fails every part is released (release is idempotent) before the
    /// failure is rethrown: either every part is held or none is.
    /// </summary>
    public async Task<IReadOnlyList<HoldRefusal>> HoldAllAsync(string reservationId, IReadOnlyList<ReservedPart> parts, DateTimeOffset expiresAt)
    {
        var holds = parts.Select(p => Inventory(p.WarehouseId, p.Sku).Hold(new StockHold(reservationId, p.Quantity, expiresAt))).ToArray();
        try
        {
            await Task.WhenAll(holds);
        }
        catch
        {
            await ReleaseQuietlyAsync(reservationId, parts);
            throw;
        }

        var refused = new List<HoldRefusal>();
        var held = new List<ReservedPart>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (holds[i].Result.Held)
            {
                held.Add(parts[i]);
            }
            else
            {
                refused.Add(new HoldRefusal(parts[i].Sku, parts[i].WarehouseId, holds[i].Result.Available));
            }
        }

        if (refused.Count > 0)
        {
            await ReleaseAllAsync(reservationId, held);
        }

        return refused;
    }

    /// <summary>Confirms every part; returns the parts that were no longer held (lapsed or lost).</summary>
    public async Task<IReadOnlyList<ReservedPart>> ConfirmAllAsync(string reservationId, IReadOnlyList<ReservedPart> parts)
    {
        var confirmed = await Task.WhenAll(parts.Select(p => Inventory(p.WarehouseId, p.Sku).Confirm(reservationId)));
        return [.. parts.Where((_, i) => !confirmed[i])];
    }

    public Task ReleaseAllAsync(string reservationId, IEnumerable<ReservedPart> parts) =>
        Task.WhenAll(parts.Select(p => Inventory(p.WarehouseId, p.Sku).Release(reservationId)));

    /// <summary>Releases on a path that is already failing: whatever cannot be released now returns when its hold expires.</summary>
    public async Task ReleaseQuietlyAsync(string reservationId, IEnumerable<ReservedPart> parts)
    {
        try
        {
            await ReleaseAllAsync(reservationId, parts);
        }
        catch
        {
            // The caller reports the failure that brought it here; holds left behind expire by themselves.
        }
    }

    private IInventoryGrain Inventory(string warehouseId, string sku) =>
        _grains.GetGrain<IInventoryGrain>(FulfillmentStreams.InventoryKey(warehouseId, sku));
}
