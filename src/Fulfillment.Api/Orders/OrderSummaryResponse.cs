using Fulfillment.ReadModels;

namespace Fulfillment.Api.Orders;

/// <summary>An order in a list: the fields of <see cref="OrderResponse"/> without the timeline (read the order for it).</summary>
public sealed record OrderSummaryResponse(
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
    DateTimeOffset UpdatedAt)
{
    public static OrderSummaryResponse From(OrderRow row) => new(
        row.OrderId,
        row.CustomerId,
        row.Stage,
        row.WarehouseId,
        row.Carrier,
        row.TrackingNumber,
        row.PromisedDeliveryAt,
        row.SlaStatus,
        row.PickToPackMinutes,
        row.LabelToScanMinutes,
        row.UpdatedAt);
}
