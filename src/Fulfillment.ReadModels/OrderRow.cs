using Fulfillment.Contracts.Orders;

namespace Fulfillment.ReadModels;

/// <summary>One order as the order list shows it: the order's fields without its timeline, at <see cref="Version"/>.</summary>
public sealed record OrderRow(
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
    long Version)
{
    public static OrderRow From(OrderView view) => new(
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
        view.Version);
}
