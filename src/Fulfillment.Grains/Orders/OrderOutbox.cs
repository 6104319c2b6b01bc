using Fulfillment.Contracts.Carriers;
using Fulfillment.Contracts.Tracking;
using Fulfillment.Contracts.Warehouses;
using Fulfillment.Grains.Changes;
using Grains;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// Brings an order's readers up to date after a durable change: the change sink (read models), the tracking grain of
/// its tracking number, and the carriers and warehouses it has been at. It remembers, in memory only, what each one
/// was last sent, so an unchanged fact is not sent again; a new activation remembers nothing and sends everything
/// once more — that is how a change made durable just before a crash still reaches every reader. All readers are
/// idempotent (versions), so a repeat changes nothing.
/// </summary>
internal sealed class OrderOutbox(IGrainFactory grains, IOrderChangeSink sink)
{
    private readonly Dictionary<string, CarrierOrderReport> _sentToCarriers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WarehouseOrderReport> _sentToWarehouses = new(StringComparer.Ordinal);
    private long _publishedVersion = -1;
    private (string Number, long Version)? _tracked;

    public Task SendAsync(string orderId, OrderState order)
    {
        if (!order.IsCreated)
        {
            return Task.CompletedTask;
        }

        var sends = new List<Task>();
        if (order.Version > _publishedVersion)
        {
            sends.Add(PublishAsync(new OrderChange(OrderProjection.View(orderId, order), OrderProjection.Alerts(orderId, order))));
        }

        if (OrderProjection.Tracking(orderId, order) is { } tracking && _tracked != (tracking.TrackingNumber, tracking.Version))
        {
            sends.Add(TrackAsync(tracking));
        }

        foreach (var carrier in order.KnownCarriers)
        {
            var report = OrderProjection.CarrierReport(orderId, order, carrier);
            if (!_sentToCarriers.TryGetValue(carrier, out var sent) || sent != report with { Version = sent.Version })
            {
                sends.Add(ReportAsync(carrier, report));
            }
        }

        foreach (var warehouseId in order.KnownWarehouses)
        {
            var report = OrderProjection.WarehouseReport(orderId, order, warehouseId);
            if (!_sentToWarehouses.TryGetValue(warehouseId, out var sent) || sent != report with { Version = sent.Version })
            {
                sends.Add(ReportAsync(warehouseId, report));
            }
        }

        return Task.WhenAll(sends);
    }

    private async Task PublishAsync(OrderChange change)
    {
        await sink.PublishAsync(change, CancellationToken.None);
        _publishedVersion = Math.Max(_publishedVersion, change.Order.Version);
    }

    private async Task TrackAsync(TrackingView view)
    {
        await grains.GetGrain<ITrackingGrain>(view.TrackingNumber).Publish(view);
        _tracked = (view.TrackingNumber, view.Version);
    }

    private async Task ReportAsync(string carrier, CarrierOrderReport report)
    {
        await grains.GetGrain<ICarrierGrain>(carrier).Report(report);
        _sentToCarriers[carrier] = report;
    }

    private async Task ReportAsync(string warehouseId, WarehouseOrderReport report)
    {
        await grains.GetGrain<IWarehouseGrain>(warehouseId).Report(report);
        _sentToWarehouses[warehouseId] = report;
    }
}
