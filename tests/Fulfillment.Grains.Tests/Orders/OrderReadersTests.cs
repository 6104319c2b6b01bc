using System.Text.Json;
using Fulfillment.Contracts.Carriers;
using Fulfillment.Contracts.Orders;
using Fulfillment.Contracts.Tracking;
using Fulfillment.Contracts.Warehouses;
using Fulfillment.Grains.Diagnostics;
using Fulfillment.Grains.Tests.Support;
using static Fulfillment.Grains.Tests.Support.Network;
using static Fulfillment.Grains.Tests.Support.OrderEvents;

namespace Fulfillment.Grains.Tests.Orders;

public abstract class OrderReadersTests : OrderTestBase
{
    [Fact]
    public async Task Tracking_ShowsTheOrderWithoutCustomerData_AndFollowsEveryChange()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-labeled", "labeled", T0.AddMinutes(5), carrier: "ups", trackingNumber: "1Z1"));
        var labeled = await Tracking("1Z1").Get();

        await Grains.DeliverAsync(Stage("o-1", "e-delivered", "delivered", T0.AddHours(20), carrier: "ups"));

        var delivered = await Tracking("1Z1").Get();
        Assert.Equal(("labeled", 2L), (labeled!.Stage, labeled.Version));
        Assert.Equal(("1Z1", "o-1", "delivered", East, "ups", Promise, SlaStatuses.OnTrack, 3L),
            (delivered!.TrackingNumber, delivered.OrderId, delivered.Stage, delivered.WarehouseId, delivered.Carrier, delivered.PromisedDeliveryAt, delivered.SlaStatus, delivered.Version));
        Assert.Equal(["created", "labeled", "delivered"], delivered.Timeline.Select(e => e.Stage));
        Assert.DoesNotContain(typeof(TrackingView).GetProperties(), p => p.Name.Contains("Customer", StringComparison.Ordinal));
        Assert.DoesNotContain(Customer, JsonSerializer.Serialize(delivered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_UnknownNumber_IsNull() => Assert.Null(await Tracking("nope").Get());

    [Fact]
    public async Task Carrier_FiguresAreExact_ForAKnownSetOfOrders()
    {
        // ups: o-1 on time, o-2 late, o-3 labeled; dhl: o-4 delivered on time.
        await ShipAsync("o-1", "ups", packedAfter: 20, scannedAfter: 90, deliveredAt: Promise.AddHours(-1));
        await ShipAsync("o-2", "ups", packedAfter: 40, scannedAfter: 170, deliveredAt: Promise.AddHours(2));
        await ShipAsync("o-3", "ups", packedAfter: 30, scannedAfter: null, deliveredAt: null);
        await ShipAsync("o-4", "dhl", packedAfter: 10, scannedAfter: 20, deliveredAt: Promise);

        var ups = await Grains.GetGrain<ICarrierGrain>("ups").Get();
        var dhl = await Grains.GetGrain<ICarrierGrain>("dhl").Get();

        Assert.Equal(new CarrierPerformance("ups", 3, 2, 1, 1, 50.0, 30.0, 130.0, T0), ups);
        Assert.Equal(new CarrierPerformance("dhl", 1, 1, 1, 0, 100.0, 10.0, 20.0, T0), dhl);
        Assert.Equal(new CarrierPerformance("fedex", 0, 0, 0, 0, null, null, null, null), await Grains.GetGrain<ICarrierGrain>("fedex").Get());
        Assert.Equal(["dhl", "ups"], await Grains.GetGrain<ICarrierDirectoryGrain>(ICarrierDirectoryGrain.Key).List());
    }

    [Fact]
    public async Task Carrier_ChangedOnAnOrder_MovesItsContribution()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-labeled", "labeled", T0, carrier: "ups"));

        await Grains.DeliverAsync(Stage("o-1", "e-scanned", "carrier_scanned", T0.AddMinutes(30), carrier: "dhl"));

        Assert.Equal(0, (await Grains.GetGrain<ICarrierGrain>("ups").Get()).TotalOrders);
        Assert.Equal((1, 30.0), ((await Grains.GetGrain<ICarrierGrain>("dhl").Get()).TotalOrders, (await Grains.GetGrain<ICarrierGrain>("dhl").Get()).AvgLabelToScanMinutes));
    }

    [Fact]
    public async Task Warehouse_BacklogPercentilesAndStuckOrders_AreExact_ForAKnownSetOfOrders()
    {
        await PackAsync("o-1", packedAfter: 10);
        await PackAsync("o-2", packedAfter: 20, then: "labeled");
        await PackAsync("o-3", packedAfter: 30, then: "delivered");
        await PackAsync("o-4", packedAfter: 40, then: null, cancel: true);
        await PackAsync("o-6", packedAfter: 100, warehouseId: West);
        await CreateAsync("o-5");
        await Grains.DeliverAsync(Stage("o-5", "e-picked-o-5", "picked", T0));

        Assert.Equal(
            new WarehousePerformance(East, [new StageCount("picked", 1), new StageCount("packed", 1), new StageCount("labeled", 1)], 20.0, 40.0, 4, [], T0),
            await WarehouseAsync(East), WarehouseComparer);

        Time.Advance(TimeSpan.FromMinutes(30));
        var stuck = await Eventually.Until(() => WarehouseAsync(East), w => w.StuckOrders.Count == 1);
        Assert.Equal(new StuckOrder("o-5", AlertKinds.PickToPackStall, T0.AddMinutes(30)), stuck.StuckOrders[0]);

        await Grains.DeliverAsync(Stage("o-5", "e-packed-o-5", "packed", T0.AddMinutes(45)));

        Assert.Equal(
            new WarehousePerformance(East, [new StageCount("packed", 2), new StageCount("labeled", 1)], 30.0, 45.0, 5, [], T0.AddMinutes(30)),
            await WarehouseAsync(East), WarehouseComparer);
        Assert.Equal((100.0, 1), ((await WarehouseAsync(West)).PickToPackP50Minutes, (await WarehouseAsync(West)).PickToPackSamples));
    }

    [Fact]
    public async Task Warehouse_OrderPickedElsewhereThanAllocated_LeavesTheFirstBacklog()
    {
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");
        Assert.Equal([new StageCount("allocated", 1)], (await WarehouseAsync(East)).Backlog);

        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0, West));

        Assert.Empty((await WarehouseAsync(East)).Backlog);
        Assert.Equal([new StageCount("picked", 1)], (await WarehouseAsync(West)).Backlog);
    }

    [Fact]
    public async Task Sink_GetsEveryDurableChange_InVersionOrder_WithTheAlertsItChanged()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0.AddHours(-1)), Stage("o-1", "e-packed", "packed", T0));

        var changes = Sink.Of("o-1");
        Assert.Equal([("created", 1L), ("picked", 2L), ("packed", 3L)], changes.Select(c => (c.Order.Stage, c.Order.Version)));
        Assert.Equal(
            [[], [("o-1:pick_to_pack_stall", AlertStatuses.Open)], [("o-1:pick_to_pack_stall", AlertStatuses.Resolved)]],
            changes.Select(c => c.ChangedAlerts.Select(a => (a.AlertId, a.Status)).ToList()));
    }

    [Fact]
    public async Task Metrics_CountStagesEnteredAndAlertsRaisedAndResolved()
    {
        using var stages = new MeterTotals(Silo, OrderInstrumentNames.Meter, OrderInstrumentNames.StageTag);
        using var alerts = new MeterTotals(Silo, OrderInstrumentNames.Meter, OrderInstrumentNames.KindTag);
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");
        await CreateAsync("o-2");

        await Grains.DeliverAsync(
            Stage("o-1", "e-picked", "picked", T0.AddHours(-1)),
            Stage("o-1", "e-picked-again", "picked", T0.AddHours(-1)),
            Stage("o-1", "e-packed", "packed", T0));

        Assert.Equal(
            [2, 1, 1, 1, 1],
            new[] { "created", "payment_confirmed", "allocated", "picked", "packed" }.Select(s => stages.Total(OrderInstrumentNames.StageTransitions, s)));
        Assert.Equal(1, alerts.Total(OrderInstrumentNames.AlertsRaised, AlertKinds.PickToPackStall));
        Assert.Equal(1, alerts.Total(OrderInstrumentNames.AlertsResolved, AlertKinds.PickToPackStall));
    }

    private static IEqualityComparer<WarehousePerformance> WarehouseComparer { get; } = EqualityComparer<WarehousePerformance>.Create(
        (a, b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b));

    private ITrackingGrain Tracking(string trackingNumber) => Grains.GetGrain<ITrackingGrain>(trackingNumber);

    private Task<WarehousePerformance> WarehouseAsync(string warehouseId) => Grains.GetGrain<IWarehouseGrain>(warehouseId).Get();

    /// <summary>An order picked at T0 and packed, labeled and scanned the given minutes later, then delivered.</summary>
    private async Task ShipAsync(string orderId, string carrier, int packedAfter, int? scannedAfter, DateTimeOffset? deliveredAt)
    {
        await CreateAsync(orderId);
        await Grains.DeliverAsync(
            Stage(orderId, $"e-picked-{orderId}", "picked", T0),
            Stage(orderId, $"e-packed-{orderId}", "packed", T0.AddMinutes(packedAfter)),
            Stage(orderId, $"e-labeled-{orderId}", "labeled", T0.AddMinutes(packedAfter + 1), carrier: carrier));
        if (scannedAfter is { } scanned)
        {
            await Grains.DeliverAsync(Stage(orderId, $"e-scanned-{orderId}", "carrier_scanned", T0.AddMinutes(packedAfter + 1 + scanned), carrier: carrier));
        }

        if (deliveredAt is { } delivered)
        {
            await Grains.DeliverAsync(Stage(orderId, $"e-delivered-{orderId}", "delivered", delivered, carrier: carrier));
        }
    }

    /// <summary>An order picked at T0 and packed the given minutes later, then taken to <paramref name="then"/> or cancelled.</summary>
    private async Task PackAsync(string orderId, int packedAfter, string? then = null, bool cancel = false, string warehouseId = East)
    {
        await CreateAsync(orderId);
        await Grains.DeliverAsync(
            Stage(orderId, $"e-picked-{orderId}", "picked", T0, warehouseId),
            Stage(orderId, $"e-packed-{orderId}", "packed", T0.AddMinutes(packedAfter), warehouseId));
        if (then is not null)
        {
            await Grains.DeliverAsync(Stage(orderId, $"e-{then}-{orderId}", then, T0.AddMinutes(packedAfter + 5), warehouseId));
        }

        if (cancel)
        {
            await Grains.DeliverAsync(Cancelled(orderId, $"e-cancelled-{orderId}", T0.AddMinutes(packedAfter + 5)));
        }
    }
}
