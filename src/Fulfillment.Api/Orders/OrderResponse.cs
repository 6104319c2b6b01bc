using Fulfillment.Api.Ingestion;
using Fulfillment.Contracts.Orders;

namespace Fulfillment.Api.Orders;

/// <summary>
/// An order (<c>GET /api/v1/orders/{orderId}</c>): where it is in its lifecycle, where and with whom, its SLA status,
/// its durations in minutes of event time, and every reported step sorted by event time.
/// </summary>
public sealed record OrderResponse(
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
    IReadOnlyList<TimelineEntryResponse> Timeline)
{
    public static OrderResponse From(OrderView view) => new(
        view.OrderId,
        view.CustomerId,
        view.Stage,
        view.WarehouseId,
        view.Carrier,
        view.TrackingNumber,
        view.PromisedDeliveryAt,
        view.SlaStatus,
        view.PickToPackMinutes,
        view.LabelToScanMinutes,
        view.UpdatedAt,
        TimelineOf(view.Timeline));

    /// <summary>The timeline with each event named by the CloudEvent id its producer sent (the log keys it by source too).</summary>
    public static TimelineEntryResponse[] TimelineOf(IReadOnlyList<TimelineEntry> timeline) =>
        [.. timeline.Select(e => new TimelineEntryResponse(e.Stage, e.At, e.EventId is { } id ? StreamEventIds.CloudEventIdOf(id) : null))];
}
