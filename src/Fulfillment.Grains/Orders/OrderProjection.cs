using Fulfillment.Contracts.Carriers;
using Fulfillment.Contracts.Orders;
using Fulfillment.Contracts.Tracking;
using Fulfillment.Contracts.Warehouses;

namespace Fulfillment.Grains.Orders;

/// <summary>What an order's state looks like to each of its readers: the order view, the tracking view, its alerts, and its reports to carriers and warehouses.</summary>
internal static class OrderProjection
{
    public static OrderView View(string orderId, OrderState order) => new(
        orderId,
        order.CustomerId,
        order.StageName,
        order.WarehouseId,
        order.Carrier,
        order.TrackingNumber,
        Promise(order),
        order.SlaStatus,
        order.PickToPackMinutes,
        order.LabelToScanMinutes,
        order.UpdatedAt,
        Timeline(order),
        order.Version,
        order.CreatedAt!.Value,
        order.DestinationRegion,
        [.. order.Lines],
        order.ReservationId,
        [.. order.Allocations],
        order.AllocationIssue);

    /// <summary>The customer-safe view under the order's tracking number; null while it has none.</summary>
    public static TrackingView? Tracking(string orderId, OrderState order) => order.TrackingNumber is not { } trackingNumber ? null : new(
        trackingNumber,
        orderId,
        order.StageName,
        order.WarehouseId,
        order.Carrier,
        Promise(order),
        order.SlaStatus,
        order.PickToPackMinutes,
        order.LabelToScanMinutes,
        order.UpdatedAt,
        Timeline(order),
        order.Version);

    public static List<OrderAlert> Alerts(string orderId, OrderState order) =>
        [.. order.Alerts.Values.OrderBy(a => AlertRank(a.Kind)).Select(a => Alert(orderId, order, a))];

    public static OrderAlert Alert(string orderId, OrderState order, AlertRecord alert) => new(
        OrderAlert.IdOf(orderId, alert.Kind),
        orderId,
        alert.Kind,
        alert.Status,
        alert.RaisedAt,
        alert.ResolvedAt,
        alert.DueAt,
        order.WarehouseId,
        order.Carrier,
        alert.Version);

    /// <summary>The order's contribution to <paramref name="carrier"/>: none (withdrawn) when the order has moved to another.</summary>
    public static CarrierOrderReport CarrierReport(string orderId, OrderState order, string carrier)
    {
        if (!string.Equals(order.Carrier, carrier, StringComparison.Ordinal))
        {
            return new CarrierOrderReport(orderId, order.Version, Assigned: false, false, null, null, null, Closed: false);
        }

        var delivered = order.CurrentStage == Contracts.Stage.Delivered;
        return new CarrierOrderReport(
            orderId,
            order.Version,
            Assigned: true,
            delivered,
            OnTime: delivered ? order.MilestoneOf(Contracts.Stage.Delivered) <= order.PromisedDeliveryAt : null,
            order.PickToPackMinutes,
            order.LabelToScanMinutes,
            Closed: order.IsFinal);
    }

    /// <summary>The order's contribution to <paramref name="warehouseId"/>: none (no stage) when the order has moved to another.</summary>
    public static WarehouseOrderReport WarehouseReport(string orderId, OrderState order, string warehouseId)
    {
        if (!string.Equals(order.WarehouseId, warehouseId, StringComparison.Ordinal))
        {
            return new WarehouseOrderReport(orderId, order.Version, null, null, null, null, Closed: false);
        }

        var stall = order.Alerts.Values.FirstOrDefault(a => a.IsOpen && AlertKinds.IsStall(a.Kind));
        return new WarehouseOrderReport(orderId, order.Version, order.StageName, order.PickToPackMinutes, stall?.Kind, stall?.RaisedAt, Closed: order.IsFinal);
    }

    // A created order always has a promise: creation sets it, stage events may only revise it.
    private static DateTimeOffset Promise(OrderState order) => order.PromisedDeliveryAt!.Value;

    private static List<TimelineEntry> Timeline(OrderState order) =>
        [.. order.Timeline.Select(e => new TimelineEntry(e.Stage, e.At, e.EventId))];

    private static int AlertRank(string kind) => AlertKinds.All.TakeWhile(k => k != kind).Count();
}
