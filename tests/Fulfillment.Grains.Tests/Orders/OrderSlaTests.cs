using Fulfillment.Contracts.Orders;
using Fulfillment.Grains.Orders;
using Fulfillment.Grains.Tests.Support;
using Grains;
using static Fulfillment.Grains.Tests.Support.OrderEvents;

namespace Fulfillment.Grains.Tests.Orders;

public abstract class OrderSlaTests : OrderTestBase
{
    [Fact]
    public async Task PickToPackStall_IsRaisedByTheReminder_WithNoFurtherEvent_AndResolvedByTheLatePack()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0));
        Assert.Equal([T0.AddMinutes(30)], await RemindersAsync("o-1"));

        Time.Advance(TimeSpan.FromMinutes(30));
        var raised = await AlertsWhenAsync("o-1", a => a.Count == 1);

        Assert.Equal(
            [new OrderAlert("o-1:pick_to_pack_stall", "o-1", AlertKinds.PickToPackStall, AlertStatuses.Open, T0.AddMinutes(30), null, T0.AddMinutes(30), Network.East, null, 3)],
            raised);
        Assert.Equal((3L, SlaStatuses.OnTrack), ((await ViewAsync("o-1")).Version, (await ViewAsync("o-1")).SlaStatus));
        await Eventually.Until(() => RemindersAsync("o-1"), r => r.SequenceEqual([Promise.AddHours(-4)]));

        Time.Advance(TimeSpan.FromMinutes(5));
        await Grains.DeliverAsync(Stage("o-1", "e-packed", "packed", T0.AddMinutes(34)));

        Assert.Equal(
            [new OrderAlert("o-1:pick_to_pack_stall", "o-1", AlertKinds.PickToPackStall, AlertStatuses.Resolved, T0.AddMinutes(30), T0.AddMinutes(35), T0.AddMinutes(30), Network.East, null, 4)],
            await Order("o-1").GetAlerts());
        Assert.Equal(34.0, (await ViewAsync("o-1")).PickToPackMinutes);
        Assert.Equal(
            [(1L, 0), (2L, 0), (3L, 1), (4L, 1)],
            Sink.Of("o-1").Select(c => (c.Order.Version, c.ChangedAlerts.Count())));
    }

    [Fact]
    public async Task LabelToScanStall_IsRaisedByTheReminder_AndResolvedByTheLateScan()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-labeled", "labeled", T0, carrier: "ups"));

        Time.Advance(TimeSpan.FromHours(2));
        var raised = await AlertsWhenAsync("o-1", a => a.Count == 1);
        Assert.Equal((AlertKinds.LabelToScanStall, AlertStatuses.Open, T0.AddHours(2), "ups"), (raised[0].Kind, raised[0].Status, raised[0].RaisedAt, raised[0].Carrier));

        await Grains.DeliverAsync(Stage("o-1", "e-scanned", "carrier_scanned", T0.AddHours(2).AddMinutes(1), carrier: "ups"));

        var resolved = Assert.Single(await Order("o-1").GetAlerts());
        Assert.Equal((AlertStatuses.Resolved, T0.AddHours(2)), (resolved.Status, resolved.ResolvedAt));
        Assert.Equal(121.0, (await ViewAsync("o-1")).LabelToScanMinutes);
    }

    [Fact]
    public async Task PackedInTime_NoStall_AndTheReminderMovesOnToTheNextDeadline()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0));

        await Grains.DeliverAsync(Stage("o-1", "e-packed", "packed", T0.AddMinutes(20)));
        Time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal([Promise.AddHours(-4)], await RemindersAsync("o-1"));
        Assert.Empty(await Order("o-1").GetAlerts());
    }

    [Fact]
    public async Task AnEarlierStageSkipped_ResolvesItsStall()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0));
        Time.Advance(TimeSpan.FromMinutes(30));
        await AlertsWhenAsync("o-1", a => a.Count == 1);

        await Grains.DeliverAsync(Stage("o-1", "e-labeled", "labeled", T0.AddMinutes(31)));

        Assert.Equal(AlertStatuses.Resolved, Assert.Single(await Order("o-1").GetAlerts()).Status);
        Assert.Equal([T0.AddMinutes(31).AddHours(2)], await RemindersAsync("o-1"));
    }

    [Fact]
    public async Task StallAlreadyOverdueWhenTheEventArrives_IsRaisedAtOnce()
    {
        await CreateAsync("o-1");

        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0.AddHours(-1)));

        var alert = Assert.Single(await Order("o-1").GetAlerts());
        Assert.Equal((AlertKinds.PickToPackStall, AlertStatuses.Open, T0, T0.AddMinutes(-30)), (alert.Kind, alert.Status, alert.RaisedAt, alert.DueAt));
    }

    [Fact]
    public async Task AtRisk_ThenBreached_ThenDeliveredLate()
    {
        var promise = T0.AddHours(5);
        await Order("o-1").Create(Request() with { PromisedDeliveryAt = promise });
        Assert.Equal([T0.AddHours(1)], await RemindersAsync("o-1"));

        Time.Advance(TimeSpan.FromHours(1));
        await AlertsWhenAsync("o-1", a => a.Count == 1);
        Assert.Equal(SlaStatuses.AtRisk, (await ViewAsync("o-1")).SlaStatus);
        await Eventually.Until(() => RemindersAsync("o-1"), r => r.SequenceEqual([promise]));

        Time.Advance(TimeSpan.FromHours(4));
        var breached = await AlertsWhenAsync("o-1", a => a.Count == 2);
        Assert.Equal(
            [(AlertKinds.SlaAtRisk, AlertStatuses.Resolved, T0.AddHours(1), (DateTimeOffset?)promise), (AlertKinds.SlaBreached, AlertStatuses.Open, promise, null)],
            breached.Select(a => (a.Kind, a.Status, a.RaisedAt, a.ResolvedAt)));
        Assert.Equal(SlaStatuses.Breached, (await ViewAsync("o-1")).SlaStatus);
        await Eventually.Until(() => RemindersAsync("o-1"), r => r.Count == 0);

        Time.Advance(TimeSpan.FromMinutes(40));
        await Grains.DeliverAsync(Stage("o-1", "e-delivered", "delivered", promise.AddMinutes(30)));

        Assert.Equal(SlaStatuses.Breached, (await ViewAsync("o-1")).SlaStatus);
        Assert.All(await Order("o-1").GetAlerts(), a => Assert.Equal(AlertStatuses.Resolved, a.Status));
        Assert.Equal(promise.AddMinutes(40), (await Order("o-1").GetAlerts())[1].ResolvedAt);
    }

    [Fact]
    public async Task AtRisk_DeliveredBeforeThePromise_IsOnTrackAndResolved()
    {
        var promise = T0.AddHours(3);
        await Order("o-1").Create(Request() with { PromisedDeliveryAt = promise });
        Assert.Equal(SlaStatuses.AtRisk, (await ViewAsync("o-1")).SlaStatus);

        await Grains.DeliverAsync(Stage("o-1", "e-delivered", "delivered", T0.AddHours(2)));

        Assert.Equal(SlaStatuses.OnTrack, (await ViewAsync("o-1")).SlaStatus);
        var alert = Assert.Single(await Order("o-1").GetAlerts());
        Assert.Equal((AlertKinds.SlaAtRisk, AlertStatuses.Resolved, T0, (DateTimeOffset?)T0), (alert.Kind, alert.Status, alert.RaisedAt, alert.ResolvedAt));
        Assert.Empty(await RemindersAsync("o-1"));
    }

    [Fact]
    public async Task Cancelled_ResolvesEveryOpenAlert_AndNeedsNoReminder()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0.AddHours(-1)));

        await Grains.DeliverAsync(Cancelled("o-1", "e-cancelled", T0));

        Assert.Equal(AlertStatuses.Resolved, Assert.Single(await Order("o-1").GetAlerts()).Status);
        Assert.Equal(SlaStatuses.OnTrack, (await ViewAsync("o-1")).SlaStatus);
        Assert.Empty(await RemindersAsync("o-1"));
    }

    private async Task<IReadOnlyList<OrderAlert>> AlertsWhenAsync(string orderId, Func<IReadOnlyList<OrderAlert>, bool> done) =>
        await Eventually.Until(() => Order(orderId).GetAlerts(), done);

    private async Task<IReadOnlyList<DateTimeOffset>> RemindersAsync(string orderId) =>
        [.. (await Shared.Reminders.ReadAllAsync(GrainId.Create("order", orderId))).Where(r => r.Name == OrderGrain.SlaReminder).Select(r => r.StartAt)];
}
