using Grains;

namespace Fulfillment.Contracts.Warehouses;

/// <summary>
/// One warehouse's operations (keyed by warehouse id): backlog by stage, pick-to-pack percentiles and stuck orders,
/// kept current by its orders' grains reporting each change; never computed by scanning orders.
/// </summary>
[Alias("fulfillment.warehouse")]
public interface IWarehouseGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<WarehousePerformance> Get();

    /// <summary>
    /// An order's current facts at this warehouse. Idempotent per order: a report with a version no higher than the
    /// last one applied for the order (or for an order already closed here) changes nothing.
    /// </summary>
    Task Report(WarehouseOrderReport report);
}
