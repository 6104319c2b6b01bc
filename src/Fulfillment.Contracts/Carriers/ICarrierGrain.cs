using Grains;

namespace Fulfillment.Contracts.Carriers;

/// <summary>
/// One carrier's performance (keyed by carrier name), kept current by its orders' grains reporting each change of
/// their facts: never computed by scanning orders.
/// </summary>
[Alias("fulfillment.carrier")]
public interface ICarrierGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<CarrierPerformance> Get();

    /// <summary>
    /// An order's current facts for this carrier. Idempotent per order: a report with a version no higher than the
    /// last one applied for the order (or for an order already closed here) changes nothing.
    /// </summary>
    Task Report(CarrierOrderReport report);
}
