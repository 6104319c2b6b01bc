using Fulfillment.Contracts;
using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Orders;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// An order event as the order grain applies it: its type, the order it names, its event time, and the data the type
/// carries (the order for <c>created</c>, the stage report and its parsed stage for <c>stage</c>).
/// </summary>
internal sealed record OrderEvent(
    string Type,
    string OrderId,
    DateTimeOffset Time,
    OrderRequest? Creation = null,
    OrderStageReached? StageReport = null,
    Stage? Stage = null);
