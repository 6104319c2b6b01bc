using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Tests.Support;
using static Fulfillment.Grains.Tests.Support.Network;
using static Fulfillment.Grains.Tests.Support.OrderEvents;

namespace Fulfillment.Grains.Tests.Orders;

public abstract class OrderStageTests : OrderTestBase
{
    public static TheoryData<string> ReportableStages => ["picked", "packed", "labeled", "carrier_scanned", "in_transit", "out_for_delivery", "delivered", "failed"];

    [Theory]
    [MemberData(nameof(ReportableStages))]
    public async Task FromAllocated_EveryReportableStage_MovesTheOrderThere(string stage)
    {
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");

        await Grains.DeliverAsync(Stage("o-1", "e-1", stage, T0.AddHours(1), West, "ups", "1Z1"));

        var view = await ViewAsync("o-1");
        Assert.Equal((stage, West, "ups", "1Z1"), (view.Stage, view.WarehouseId, view.Carrier, view.TrackingNumber));
        Assert.Equal(("e-1", stage), (view.Timeline[^1].EventId, view.Timeline[^1].Stage));
    }

    [Fact]
    public async Task EveryStageInTurn_MovesForward_WithTimelineDurationsAndStock()
    {
        await Grains.StockAsync(East, Sku, 10);
        await CreateAsync("o-1");
        var steps = new (string Stage, int Minutes)[]
        {
            ("picked", 10), ("packed", 35), ("labeled", 50), ("carrier_scanned", 140), ("in_transit", 200), ("out_for_delivery", 1_500), ("delivered", 1_560),
        };
        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0));
        Assert.Equal(("allocated", East), ((await ViewAsync("o-1")).Stage, (await ViewAsync("o-1")).WarehouseId));
        Assert.Equal((10, 2), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));

        foreach (var (stage, minutes) in steps)
        {
            await Grains.DeliverAsync(Stage("o-1", $"e-{stage}", stage, T0.AddMinutes(minutes), carrier: "ups", trackingNumber: "1Z1"));
            Assert.Equal(stage, (await ViewAsync("o-1")).Stage);
        }

        var view = await ViewAsync("o-1");
        Assert.Equal(
            [("created", T0, null), ("payment_confirmed", T0, "e-paid"), ("allocated", T0, null),
             ("picked", T0.AddMinutes(10), "e-picked"), ("packed", T0.AddMinutes(35), "e-packed"), ("labeled", T0.AddMinutes(50), "e-labeled"),
             ("carrier_scanned", T0.AddMinutes(140), "e-carrier_scanned"), ("in_transit", T0.AddMinutes(200), "e-in_transit"),
             ("out_for_delivery", T0.AddMinutes(1_500), "e-out_for_delivery"), ("delivered", T0.AddMinutes(1_560), "e-delivered")],
            Timeline(view));
        Assert.Equal((25.0, 90.0, SlaStatuses.OnTrack), (view.PickToPackMinutes, view.LabelToScanMinutes, view.SlaStatus));
        Assert.Equal([new Contracts.Reservations.ReservedLine(Sku, 2, East)], view.Allocations);
        Assert.Equal((8, 0), ((await RowAsync()).OnHand, (await RowAsync()).Reserved));
    }

    [Fact]
    public async Task Timeline_IsSortedByEventTime_NotArrival()
    {
        await CreateAsync("o-1");

        await Grains.DeliverAsync(
            Stage("o-1", "e-labeled", "labeled", T0.AddMinutes(30)),
            Stage("o-1", "e-packed", "packed", T0.AddMinutes(20)),
            Stage("o-1", "e-picked", "picked", T0.AddMinutes(10)));

        var view = await ViewAsync("o-1");
        Assert.Equal(
            [("created", T0, null), ("picked", T0.AddMinutes(10), "e-picked"), ("packed", T0.AddMinutes(20), "e-packed"), ("labeled", T0.AddMinutes(30), "e-labeled")],
            Timeline(view));
        Assert.Equal(("labeled", 10.0), (view.Stage, view.PickToPackMinutes));
    }

    [Fact]
    public async Task Timeline_SameEventTime_KeepsArrivalOrder()
    {
        await CreateAsync("o-1");

        await Grains.DeliverAsync(
            Stage("o-1", "e-packed", "packed", T0.AddMinutes(10)),
            Stage("o-1", "e-picked", "picked", T0.AddMinutes(10)));

        Assert.Equal(
            [("created", T0, null), ("packed", T0.AddMinutes(10), "e-packed"), ("picked", T0.AddMinutes(10), "e-picked")],
            Timeline(await ViewAsync("o-1")));
    }

    [Fact]
    public async Task EarlierStageArrivingLate_IsRecorded_AndNeverMovesTheStageBack()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-labeled", "labeled", T0.AddMinutes(30), carrier: "ups"));

        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0.AddMinutes(40), carrier: "dhl"));

        var view = await ViewAsync("o-1");
        Assert.Equal("labeled", view.Stage);
        Assert.Equal([("created", T0, null), ("labeled", T0.AddMinutes(30), "e-labeled"), ("picked", T0.AddMinutes(40), "e-picked")], Timeline(view));
    }

    [Fact]
    public async Task SameEventDeliveredTwice_IsAppliedOnce()
    {
        await CreateAsync("o-1");
        var picked = Stage("o-1", "e-picked", "picked", T0.AddMinutes(10));
        await Grains.DeliverAsync(picked);
        var once = await ViewAsync("o-1");

        await Grains.DeliverAsync(picked, picked);

        var twice = await ViewAsync("o-1");
        Assert.Equal((2L, 2), (twice.Version, twice.Timeline.Count));
        Assert.Equal(Timeline(once), Timeline(twice));
        Assert.Equal([1L, 2L], Sink.Of("o-1").Select(c => c.Order.Version));
    }

    [Fact]
    public async Task SameStageUnderAnotherEventId_IsRecordedAgain_AndItsEarliestTimeCounts()
    {
        await CreateAsync("o-1");

        await Grains.DeliverAsync(
            Stage("o-1", "e-picked-1", "picked", T0.AddMinutes(12)),
            Stage("o-1", "e-picked-2", "picked", T0.AddMinutes(10)),
            Stage("o-1", "e-packed", "packed", T0.AddMinutes(20)));

        var view = await ViewAsync("o-1");
        Assert.Equal(4, view.Timeline.Count);
        Assert.Equal(10.0, view.PickToPackMinutes);
    }

    [Fact]
    public async Task AfterDelivered_LaterEventsAreRecorded_NotApplied()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-delivered", "delivered", T0.AddHours(30), carrier: "ups", trackingNumber: "1Z1"));

        await Grains.DeliverAsync(
            Cancelled("o-1", "e-cancelled", T0.AddHours(31)),
            Stage("o-1", "e-failed", "failed", T0.AddHours(32), West, "dhl", "JD2"),
            Stage("o-1", "e-scanned", "carrier_scanned", T0.AddHours(2), West, "dhl"));

        var view = await ViewAsync("o-1");
        Assert.Equal(("delivered", East, "ups", "1Z1", (double?)null), (view.Stage, view.WarehouseId, view.Carrier, view.TrackingNumber, view.LabelToScanMinutes));
        Assert.Equal(["created", "carrier_scanned", "delivered", "cancelled", "failed"], view.Timeline.Select(e => e.Stage));
    }

    public static TheoryData<string> NonFinalStages => ["created", "picked", "packed", "labeled", "carrier_scanned", "in_transit", "out_for_delivery", "failed"];

    [Theory]
    [MemberData(nameof(NonFinalStages))]
    public async Task Cancellation_FromEveryNonFinalStage_IsApplied(string stage)
    {
        await CreateAsync("o-1");
        if (stage != "created")
        {
            await Grains.DeliverAsync(Stage("o-1", "e-1", stage, T0.AddMinutes(1)));
        }

        await Grains.DeliverAsync(Cancelled("o-1", "e-cancelled", T0.AddMinutes(2)));

        Assert.Equal("cancelled", (await ViewAsync("o-1")).Stage);
    }

    [Theory]
    [MemberData(nameof(ReportableStages))]
    public async Task AfterDelivered_EveryStageIsRecorded_NotApplied(string stage)
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-delivered", "delivered", T0.AddHours(1)));
        var delivered = await ViewAsync("o-1");

        await Grains.DeliverAsync(Stage("o-1", "e-late", stage, T0.AddHours(2), West, "dhl", "JD2"));

        var view = await ViewAsync("o-1");
        Assert.Equal(("delivered", East, (string?)null, (string?)null), (view.Stage, view.WarehouseId, view.Carrier, view.TrackingNumber));
        Assert.Equal((delivered.Version + 1, stage), (view.Version, view.Timeline[^1].Stage));
    }

    [Fact]
    public async Task AfterCancelled_LaterEventsAreRecorded_NotApplied_AndNothingIsAllocated()
    {
        await Grains.StockAsync(East, Sku, 10);
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Cancelled("o-1", "e-cancelled", T0.AddMinutes(5)));

        await Grains.DeliverAsync(
            Paid("o-1", "e-paid", T0.AddMinutes(6)),
            Stage("o-1", "e-picked", "picked", T0.AddMinutes(7)),
            Stage("o-1", "e-delivered", "delivered", T0.AddMinutes(8)));

        var view = await ViewAsync("o-1");
        Assert.Equal(("cancelled", (string?)null), (view.Stage, view.WarehouseId));
        Assert.Empty(view.Allocations);
        Assert.Equal(["created", "cancelled", "payment_confirmed", "picked", "delivered"], view.Timeline.Select(e => e.Stage));
        Assert.Equal(0, (await RowAsync()).Reserved);
    }

    [Fact]
    public async Task Failed_IsNotFinal_ACancellationStillApplies()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-failed", "failed", T0.AddMinutes(5)));

        await Grains.DeliverAsync(
            Stage("o-1", "e-delivered", "delivered", T0.AddMinutes(6)),
            Cancelled("o-1", "e-cancelled", T0.AddMinutes(7)));

        Assert.Equal("cancelled", (await ViewAsync("o-1")).Stage);
    }

    [Fact]
    public async Task PaymentBeforeTheCreation_AllocatesOnceTheOrderExists()
    {
        await Grains.StockAsync(East, Sku, 10);
        await Grains.DeliverAsync(Paid("o-1", "e-paid", T0.AddMinutes(1)));
        Assert.Equal(0, (await RowAsync()).Reserved);

        await Grains.DeliverAsync(Created("o-1", "e-created", T0, Promise));

        var view = await ViewAsync("o-1");
        Assert.Equal(("allocated", East), (view.Stage, view.WarehouseId));
        Assert.Equal(2, (await RowAsync()).Reserved);
    }

    [Fact]
    public async Task PromiseRevisedByAStageEvent_IsTaken()
    {
        await CreateAsync("o-1");

        await Grains.DeliverAsync(Stage("o-1", "e-labeled", "labeled", T0.AddMinutes(5), promisedDeliveryAt: Promise.AddDays(1)));

        Assert.Equal(Promise.AddDays(1), (await ViewAsync("o-1")).PromisedDeliveryAt);
    }
}
