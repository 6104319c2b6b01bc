using System.Text.Json;
using Fulfillment.Contracts.Carriers;
using Fulfillment.Contracts.Orders;
using Fulfillment.Contracts.Tracking;
using Fulfillment.Contracts.Warehouses;
using Fulfillment.Grains.Tests.Support;
using static Fulfillment.Grains.Tests.Support.Network;
using static Fulfillment.Grains.Tests.Support.OrderEvents;

namespace Fulfillment.Grains.Tests.Orders;

public abstract class OrderRestartTests : OrderTestBase
{
    [Fact]
    public async Task KillAndRestart_EveryGrainKeepsItsState_AndTheStallStillFiresOnTheNextSilo()
    {
        await Grains.StockAsync(East, Sku, 10);
        await AllocatedAsync("o-1");
        var picked = Stage("o-1", "e-picked", "picked", T0, carrier: "ups", trackingNumber: "1Z1");
        await Grains.DeliverAsync(picked);
        var before = await SnapshotAsync();

        await RestartAsync();

        Assert.Equal(before, await SnapshotAsync());
        await Grains.DeliverAsync(picked);
        Assert.Equal(before, await SnapshotAsync());

        Time.Advance(TimeSpan.FromMinutes(30));
        var alerts = await Eventually.Until(() => Order("o-1").GetAlerts(), a => a.Count == 1);
        Assert.Equal((AlertKinds.PickToPackStall, AlertStatuses.Open, T0.AddMinutes(30)), (alerts[0].Kind, alerts[0].Status, alerts[0].RaisedAt));
        Assert.Single((await Grains.GetGrain<IWarehouseGrain>(East).Get()).StuckOrders);
    }

    [Fact]
    public async Task Activation_DeadlineWhoseReminderIsGone_RearmsAndStillFires()
    {
        await CreateAsync("o-1");
        await Grains.DeliverAsync(Stage("o-1", "e-picked", "picked", T0));

        // The next silo shares the state but not the reminders: the order must register its reminder again.
        await RestartAsync(Shared with { Reminders = new() });
        Assert.Equal("picked", (await ViewAsync("o-1")).Stage);
        Time.Advance(TimeSpan.FromMinutes(30));

        var alerts = await Eventually.Until(() => Order("o-1").GetAlerts(), a => a.Count == 1);
        Assert.Equal(AlertKinds.PickToPackStall, alerts[0].Kind);
    }

    [Fact]
    public async Task ReaderFailsAfterTheWrite_TheRedeliveredEventBringsEveryReaderUpToDate()
    {
        await CreateAsync("o-1");
        var labeled = Stage("o-1", "e-labeled", "labeled", T0, carrier: "ups", trackingNumber: "1Z1");
        Sink.FailNext = true;

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Grains.DeliverAsync(labeled));
        Assert.Equal(("labeled", 2L), ((await ViewAsync("o-1")).Stage, (await ViewAsync("o-1")).Version));
        await Grains.DeliverAsync(labeled);

        Assert.Equal([1L, 2L], Sink.Of("o-1").Select(c => c.Order.Version));
        Assert.Equal(2L, (await Grains.GetGrain<ITrackingGrain>("1Z1").Get())!.Version);
        Assert.Equal(1, (await Grains.GetGrain<ICarrierGrain>("ups").Get()).TotalOrders);
    }

    /// <summary>Everything the grains of order o-1 show, as JSON, to compare before and after a restart.</summary>
    private async Task<string> SnapshotAsync() => JsonSerializer.Serialize(new object?[]
    {
        await Order("o-1").Get(),
        await Order("o-1").GetAlerts(),
        await Grains.GetGrain<ITrackingGrain>("1Z1").Get(),
        await Grains.GetGrain<ICarrierGrain>("ups").Get(),
        await Grains.GetGrain<ICarrierDirectoryGrain>(ICarrierDirectoryGrain.Key).List(),
        await Grains.GetGrain<IWarehouseGrain>(East).Get(),
        await Grains.Inventory(East, Sku).GetRow(),
    });
}
