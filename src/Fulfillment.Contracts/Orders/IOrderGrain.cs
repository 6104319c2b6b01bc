using Grains;

namespace Fulfillment.Contracts.Orders;

/// <summary>
/// One order (keyed by order id): its lifecycle, timeline, allocation, SLA status and alerts. It is created by
/// <see cref="Create"/> (<c>POST /api/v1/orders</c>) or by a <c>fulfillment.order.created</c> event, and moved on by
/// the events of the <c>orders</c> stream (<see cref="FulfillmentStreams.Orders"/>), applied once each by event id.
/// </summary>
[Alias("fulfillment.order")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the order. The same order id again returns the existing order unchanged (<see cref="OrderCreation.Created"/>
    /// false), whatever the request says. Throws <see cref="ArgumentException"/> naming the field for a bad request.
    /// </summary>
    Task<OrderCreation> Create(OrderRequest request);

    /// <summary>The order, or null when it was never created (events that arrived before its creation are kept, not shown).</summary>
    [ReadOnly]
    Task<OrderView?> Get();

    /// <summary>Every alert the order ever raised, open or resolved, by kind; empty for an unknown order.</summary>
    [ReadOnly]
    Task<IReadOnlyList<OrderAlert>> GetAlerts();
}
