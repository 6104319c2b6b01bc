using Fulfillment.Contracts.Orders;

namespace Fulfillment.Contracts.Tracking;

/// <summary>
/// The customer-safe view of a shipment (<c>GET /api/v1/tracking/{trackingNumber}</c>): the order's view without
/// <c>customerId</c> — by construction, as the type has no such field. <see cref="Version"/> is the order's.
/// </summary>
public sealed record TrackingView(
    string TrackingNumber,
    string OrderId,
    string Stage,
    string? WarehouseId,
    string? Carrier,
    DateTimeOffset PromisedDeliveryAt,
    string SlaStatus,
    double? PickToPackMinutes,
    double? LabelToScanMinutes,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntry> Timeline,
    long Version);
