using Fulfillment.Contracts;
using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Orders;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Orders;

namespace Fulfillment.Grains.Tests.Orders;

public sealed class OrderStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Stage_MovesOnlyToAHigherRank_AndEveryMoveIsCounted()
    {
        var order = Created();

        order.ConfirmPayment(T0, "e-1");
        order.Allocate("r-1", [new ReservedLine("SKU-1", 1, "WH-EAST")], T0);
        order.ReachStage(Stage.Packed, Report("packed"), T0.AddMinutes(2), "e-2");
        order.ReachStage(Stage.Picked, Report("picked"), T0.AddMinutes(1), "e-3");
        order.ConfirmPayment(T0.AddMinutes(3), "e-4");

        Assert.Equal(Stage.Packed, order.CurrentStage);
        Assert.Equal([Stage.Created, Stage.PaymentConfirmed, Stage.Allocated, Stage.Packed], order.Entered);
        Assert.Equal(1.0, order.PickToPackMinutes);
    }

    [Fact]
    public void Final_NothingButTheTimelineChanges()
    {
        var order = Created();
        order.ReachStage(Stage.Delivered, Report("delivered", carrier: "ups"), T0.AddHours(5), "e-1");

        order.Cancel(T0.AddHours(6), "e-2");
        order.ConfirmPayment(T0.AddHours(7), "e-3");
        order.ReachStage(Stage.Labeled, Report("labeled", carrier: "dhl", warehouseId: "WH-WEST"), T0.AddHours(1), "e-4");

        Assert.Equal((Stage.Delivered, "ups", "WH-EAST", false, (DateTimeOffset?)null), (order.CurrentStage, order.Carrier, order.WarehouseId, order.PaymentConfirmed, order.CancelledAt));
        Assert.Null(order.MilestoneOf(Stage.Labeled));
        Assert.Equal(["created", "labeled", "delivered", "cancelled", "payment_confirmed"], order.Timeline.Select(e => e.Stage));
    }

    [Fact]
    public void StockCalls_FollowFromTheState()
    {
        var order = Created("r-1");
        Assert.False(order.NeedsAllocation);

        order.ConfirmPayment(T0, "e-1");
        Assert.True(order.NeedsAllocation);
        order.Allocate("r-1", [new ReservedLine("SKU-1", 1, "WH-EAST")], T0);
        Assert.False(order.NeedsAllocation || order.NeedsShipment || order.NeedsRelease);

        order.ReachStage(Stage.InTransit, Report("in_transit"), T0.AddHours(1), "e-2");
        Assert.True(order.NeedsShipment);
        order.MarkShipped();
        order.Cancel(T0.AddHours(2), "e-3");

        Assert.False(order.NeedsShipment || order.NeedsRelease);
    }

    [Fact]
    public void Release_CancelledBeforePayment_TargetsTheCheckoutReservation_Once()
    {
        var order = Created("r-1");

        order.Cancel(T0, "e-1");

        Assert.True(order.NeedsRelease);
        Assert.Equal("r-1", order.ReleaseTarget);
        order.MarkReleased();
        Assert.False(order.NeedsRelease);
    }

    [Fact]
    public void ReconcileAlerts_RaisesResolvesAndRaisesAgain_UnderOneRecordPerKind()
    {
        var order = Created();
        var due = new SlaDeadline(AlertKinds.SlaAtRisk, T0, T0.AddHours(1));

        var raised = order.ReconcileAlerts([due], T0.AddMinutes(1), 2);
        var unchanged = order.ReconcileAlerts([due], T0.AddMinutes(2), 3);
        var resolved = order.ReconcileAlerts([], T0.AddMinutes(3), 4);
        var again = order.ReconcileAlerts([due], T0.AddMinutes(4), 5);

        Assert.Equal((1, 0, 1, 1), (raised.Count, unchanged.Count, resolved.Count, again.Count));
        var alert = Assert.Single(order.Alerts.Values);
        Assert.Equal((AlertStatuses.Open, T0.AddMinutes(4), (DateTimeOffset?)null, 5L), (alert.Status, alert.RaisedAt, alert.ResolvedAt, alert.Version));
    }

    [Fact]
    public void Durations_NeverNegative_RoundedToHundredths()
    {
        var order = Created();
        order.ReachStage(Stage.Packed, Report("packed"), T0, "e-1");
        order.ReachStage(Stage.Picked, Report("picked"), T0.AddMinutes(3), "e-2");
        order.ReachStage(Stage.Labeled, Report("labeled"), T0, "e-3");
        order.ReachStage(Stage.CarrierScanned, Report("carrier_scanned"), T0.AddSeconds(100), "e-4");

        Assert.Equal((0.0, 1.67), (order.PickToPackMinutes, order.LabelToScanMinutes));
    }

    private static OrderState Created(string? reservationId = null)
    {
        var order = new OrderState();
        order.Create(new OrderRequest("c-1", [new OrderLine("SKU-1", 1)], "us-east", T0.AddDays(2), reservationId), T0, "e-0");
        return order;
    }

    private static OrderStageReached Report(string stage, string warehouseId = "WH-EAST", string? carrier = null) =>
        new("o-1", stage, warehouseId, carrier);
}
