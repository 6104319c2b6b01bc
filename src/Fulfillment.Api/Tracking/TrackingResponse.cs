using Fulfillment.Api.Orders;
using Fulfillment.Contracts.Tracking;

namespace Fulfillment.Api.Tracking;

/// <summary>
/// A shipment as its customer may see it (<c>GET /api/v1/tracking/{trackingNumber}</c>): the order's shape without
/// <c>customerId</c> — the view it is built from has no customer data at all.
/// </summary>
public sealed record TrackingResponse(
    string OrderId,
    string Stage,
    string? WarehouseId,
    string? Carrier,
    string TrackingNumber,
    DateTimeOffset PromisedDeliveryAt,
    string SlaStatus,
    double? PickToPackMinutes,
    double? LabelToScanMinutes,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntryResponse> Timeline)
{
    public static TrackingResponse From(TrackingView view) => new(
        view.OrderId,
        view.Stage,
        view.WarehouseId,
        view.Carrier,
        view.TrackingNumber,
        view.PromisedDeliveryAt,
        view.SlaStatus,
        view.PickToPackMinutes,
        view.LabelToScanMinutes,
        view.UpdatedAt,
        OrderResponse.TimelineOf(view.Timeline));
}
