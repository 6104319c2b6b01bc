using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Reservations;

namespace Fulfillment.Contracts.Orders;

/// <summary>
/// An order as <c>GET /api/v1/orders/{orderId}</c> returns it. The fields of the gateway contract come first; the rest
/// serve the read models. <see cref="Version"/> grows with every durable change, so a projection keeps the highest.
/// <list type="bullet">
/// <item><c>Stage</c>: A <see cref="Contracts.Stage"/> name; it never moves to a lower rank.</item>
/// <item><c>WarehouseId</c>: The warehouse of the latest stage event, else the first warehouse allocated; null before either.</item>
/// <item><c>SlaStatus</c>: One of <see cref="SlaStatuses"/>.</item>
/// <item><c>PickToPackMinutes</c>: Packed minus picked, in minutes (two decimals) of event time; null until both are known.</item>
/// <item><c>LabelToScanMinutes</c>: Carrier scan minus label, likewise.</item>
/// <item><c>UpdatedAt</c>: When the service last changed the order (its clock, not event time).</item>
/// <item><c>Timeline</c>: Every stage reported, sorted by event time then arrival, including late ones that did not move the stage.</item>
/// <item><c>Allocations</c>: Where the order's stock is allocated: one line per SKU and warehouse; empty until allocated.</item>
/// <item><c>AllocationIssue</c>: Why the order could not be allocated when payment was confirmed, else null.</item>
/// </list>
/// </summary>
public sealed record OrderView(
    string OrderId,
    string CustomerId,
    string Stage,
    string? WarehouseId,
    string? Carrier,
    string? TrackingNumber,
    DateTimeOffset PromisedDeliveryAt,
    string SlaStatus,
    double? PickToPackMinutes,
    double? LabelToScanMinutes,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntry> Timeline,
    long Version,
    DateTimeOffset CreatedAt,
    string DestinationRegion,
    IReadOnlyList<OrderLine> Lines,
    string? ReservationId,
    IReadOnlyList<ReservedLine> Allocations,
    string? AllocationIssue);
