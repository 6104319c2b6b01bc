using Fulfillment.Contracts.Inventory;
using Grains;

namespace Fulfillment.Contracts.Availability;

/// <summary>
/// The network view of one SKU (keyed by SKU) across every warehouse, kept current by its inventory grains pushing each
/// change; it answers available-to-promise from memory in one call.
/// </summary>
[Alias("fulfillment.availability")]
public interface IAvailabilityGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<SkuAvailability> Get();

    /// <summary>An inventory grain's new row; older versions of a warehouse's row than the one held are ignored.</summary>
    Task Publish(InventoryRow row);
}
