using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Diagnostics;
using Fulfillment.Grains.Inventory;
using Fulfillment.Grains.Tests.Support;
using Grains;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Inventory;

public abstract class InventoryGrainTests : DomainTestBase
{
    private const string Sku = "SKU-1";

    private IInventoryGrain East => Grains.Inventory(Network.East, Sku);

    [Fact]
    public async Task GetRow_NeverStocked_IsNull() => Assert.Null(await East.GetRow());

    [Fact]
    public async Task SetLevels_ReturnsTheRow_AvailableIsOnHandMinusReservedMinusSafetyStock()
    {
        var row = await East.SetLevels(new InventoryLevels(50, 3, 10));
        await East.Hold(new StockHold("r-1", 5, Now.AddMinutes(5)));

        Assert.Equal(new InventoryRow(Network.East, Sku, 50, 0, 3, 10, 1, Now), row);
        Assert.Equal(47, row.Available);
        Assert.Equal(new InventoryRow(Network.East, Sku, 50, 5, 3, 10, 2, Now), await East.GetRow());
        Assert.Equal(42, (await East.GetRow())!.Available);
    }

    [Fact]
    public async Task Hold_UpToAvailable_HeldThenRefused_WithWhatIsLeft()
    {
        await East.SetLevels(new InventoryLevels(10, 2));

        Assert.Equal(new HoldOutcome(true, 3), await East.Hold(new StockHold("r-1", 5, Now.AddMinutes(5))));
        Assert.Equal(new HoldOutcome(false, 3), await East.Hold(new StockHold("r-2", 4, Now.AddMinutes(5))));
        Assert.Equal(new HoldOutcome(true, 0), await East.Hold(new StockHold("r-3", 3, Now.AddMinutes(5))));
        Assert.Equal(new HoldOutcome(false, 0), await East.Hold(new StockHold("r-4", 1, Now.AddMinutes(5))));

        var row = await East.GetRow();
        Assert.Equal((10, 8, 0, 3L), (row!.OnHand, row.Reserved, row.Available, row.Version));
    }

    [Fact]
    public async Task Hold_SameReservationTwice_HoldsOnce_SameOutcome()
    {
        await East.SetLevels(new InventoryLevels(10, 0));
        var hold = new StockHold("r-1", 4, Now.AddMinutes(5));

        var first = await East.Hold(hold);
        var second = await East.Hold(hold);

        Assert.Equal(new HoldOutcome(true, 6), first);
        Assert.Equal(first, second);
        var row = await East.GetRow();
        Assert.Equal((4, 2L), (row!.Reserved, row.Version));
    }

    [Fact]
    public async Task Hold_RefusedThenRestocked_SameReservationIdHolds()
    {
        await East.SetLevels(new InventoryLevels(2, 0));
        var hold = new StockHold("r-1", 4, Now.AddMinutes(5));
        Assert.False((await East.Hold(hold)).Held);

        await East.SetLevels(new InventoryLevels(6, 0));

        Assert.Equal(new HoldOutcome(true, 2), await East.Hold(hold));
    }

    [Fact]
    public async Task SetLevels_BelowWhatIsReserved_IsAllowed_AvailableIsZero()
    {
        await East.SetLevels(new InventoryLevels(10, 0));
        await East.Hold(new StockHold("r-1", 8, Now.AddMinutes(5)));

        var row = await East.SetLevels(new InventoryLevels(5, 2));

        Assert.Equal((5, 8, 2, 0), (row.OnHand, row.Reserved, row.SafetyStock, row.Available));
        Assert.Equal(new HoldOutcome(false, 0), await East.Hold(new StockHold("r-2", 1, Now.AddMinutes(5))));
    }

    [Fact]
    public async Task ConfirmShipRelease_FollowTheContract()
    {
        await East.SetLevels(new InventoryLevels(10, 1));
        await East.Hold(new StockHold("r-1", 3, Now.AddMinutes(5)));
        await East.Hold(new StockHold("r-2", 2, Now.AddMinutes(5)));

        Assert.False(await East.Confirm("r-9"));
        Assert.True(await East.Confirm("r-1"));
        Assert.True(await East.Confirm("r-1"));
        Assert.True(await East.Ship("r-1"));
        Assert.False(await East.Ship("r-1"));
        Assert.False(await East.Release("r-1"));
        Assert.True(await East.Release("r-2"));
        Assert.False(await East.Release("r-2"));

        var row = await East.GetRow();
        Assert.Equal((7, 0, 6), (row!.OnHand, row.Reserved, row.Available));
    }

    [Fact]
    public async Task Release_ConfirmedAllocation_ReturnsItsStockAtOnce()
    {
        await East.SetLevels(new InventoryLevels(10, 0));
        await East.Hold(new StockHold("r-1", 4, Now.AddMinutes(5)));
        await East.Confirm("r-1");

        Assert.True(await East.Release("r-1"));

        var row = await East.GetRow();
        Assert.Equal((10, 0, 10), (row!.OnHand, row.Reserved, row.Available));
        Assert.False(await East.Ship("r-1"));
    }

    [Fact]
    public async Task Ship_HoldNeverConfirmed_IsARuleViolation()
    {
        await East.SetLevels(new InventoryLevels(10, 0));
        await East.Hold(new StockHold("r-1", 3, Now.AddMinutes(5)));

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => East.Ship("r-1"));

        Assert.Contains("confirm it before shipping", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await East.GetRow())!.Reserved);
    }

    [Fact]
    public async Task WarehouseOutsideTheNetwork_CannotBeStockedOrHeld()
    {
        var elsewhere = Grains.Inventory("WH-MOON", Sku);

        var set = await Assert.ThrowsAsync<InventoryRuleException>(() => elsewhere.SetLevels(new InventoryLevels(5, 0)));
        await Assert.ThrowsAsync<InventoryRuleException>(() => elsewhere.Hold(new StockHold("r-1", 1, Now.AddMinutes(5))));

        Assert.Contains("'WH-MOON' is not in the network", set.Message, StringComparison.Ordinal);
        Assert.Null(await elsewhere.GetRow());
    }

    [Fact]
    public async Task Hold_InvalidRequest_IsRejected()
    {
        await East.SetLevels(new InventoryLevels(10, 0));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => East.Hold(new StockHold("r-1", 0, Now.AddMinutes(5))));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => East.Hold(new StockHold("r-1", 1, Now)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => East.Hold(new StockHold(" ", 1, Now.AddMinutes(5))));
        Assert.Equal(0, (await East.GetRow())!.Reserved);
    }

    [Fact]
    public async Task Hold_NotConfirmed_ExpiresAfterItsTtl_AndTheStockReturns()
    {
        await East.SetLevels(new InventoryLevels(10, 0));
        await East.Hold(new StockHold("r-1", 4, Now.AddSeconds(60)));

        Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(4, (await East.GetRow())!.Reserved);
        Time.Advance(TimeSpan.FromSeconds(1));

        var row = await Grains.RowWhen(Network.East, Sku, r => r!.Reserved == 0);
        Assert.Equal((10, 3L), (row!.Available, row.Version));
        Assert.False(await East.Confirm("r-1"));
        await Eventually.Until(() => Reminders(Network.East, Sku), r => r.Count == 0);
    }

    [Fact]
    public async Task ConfirmedHold_NeverExpires_AndTheOneReminderMovesToTheNextExpiry()
    {
        var start = Now;
        await East.SetLevels(new InventoryLevels(20, 0));
        await East.Hold(new StockHold("r-1", 1, start.AddSeconds(60)));
        await East.Hold(new StockHold("r-2", 2, start.AddSeconds(120)));
        await East.Hold(new StockHold("r-3", 4, start.AddSeconds(180)));
        Assert.Equal([start.AddSeconds(60)], (await Reminders(Network.East, Sku)).Select(r => r.StartAt));
        await East.Confirm("r-1");

        Time.Advance(TimeSpan.FromSeconds(60));
        await Eventually.Until(() => Reminders(Network.East, Sku), r => r.Count == 1 && r[0].StartAt == start.AddSeconds(120));
        Assert.Equal(7, (await East.GetRow())!.Reserved);

        Time.Advance(TimeSpan.FromSeconds(60));
        await Grains.RowWhen(Network.East, Sku, r => r!.Reserved == 5);
        await Eventually.Until(() => Reminders(Network.East, Sku), r => r.Count == 1 && r[0].StartAt == start.AddSeconds(180));

        Time.Advance(TimeSpan.FromSeconds(60));
        await Grains.RowWhen(Network.East, Sku, r => r!.Reserved == 1);
        await Eventually.Until(() => Reminders(Network.East, Sku), r => r.Count == 0);

        Time.Advance(TimeSpan.FromHours(1));
        Assert.True(await East.Ship("r-1"));
        var shipped = await East.GetRow();
        Assert.Equal((19, 0), (shipped!.OnHand, shipped.Reserved));
    }

    [Fact]
    public async Task ManyHolds_KeepOneReminder_AtTheEarliestExpiry()
    {
        var start = Now;
        await East.SetLevels(new InventoryLevels(100, 0));

        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => East.Hold(new StockHold($"r-{i}", 1, start.AddSeconds(30 + ((i * 37) % 50))))));

        Assert.Equal([start.AddSeconds(30)], (await Reminders(Network.East, Sku)).Select(r => r.StartAt));
    }

    [Fact]
    public async Task State_SurvivesKillAndRestart_AndHoldsStillExpireOnTheNextSilo()
    {
        await East.SetLevels(new InventoryLevels(10, 1, 4));
        await East.Hold(new StockHold("r-1", 2, Now.AddSeconds(60)));
        await East.Hold(new StockHold("r-2", 3, Now.AddSeconds(90)));
        await East.Confirm("r-2");
        var before = await East.GetRow();

        await RestartAsync();

        Assert.Equal(before, await East.GetRow());
        Time.Advance(TimeSpan.FromSeconds(60));
        var after = await Grains.RowWhen(Network.East, Sku, r => r!.Reserved == 3);
        Assert.Equal((10, 6, 5L), (after!.OnHand, after.Available, after.Version));
    }

    [Fact]
    public async Task Activation_HoldsWhoseReminderIsGone_RearmsAndStillExpires()
    {
        await East.SetLevels(new InventoryLevels(10, 0));
        await East.Hold(new StockHold("r-1", 2, Now.AddSeconds(60)));

        // The next silo shares the state but not the reminders: the grain must register its reminder again.
        await RestartAsync(Shared with { Reminders = new() });
        Assert.Equal(2, (await East.GetRow())!.Reserved);
        Time.Advance(TimeSpan.FromSeconds(60));

        await Grains.RowWhen(Network.East, Sku, r => r!.Reserved == 0);
    }

    [Fact]
    public async Task Metrics_CountHoldsRefusalsAndExpiries_ByWarehouse()
    {
        using var meter = new MeterTotals(Silo, InventoryInstrumentNames.Meter, InventoryInstrumentNames.WarehouseTag);
        await East.SetLevels(new InventoryLevels(5, 0));
        await East.Hold(new StockHold("r-1", 2, Now.AddSeconds(60)));
        await East.Hold(new StockHold("r-1", 2, Now.AddSeconds(60)));
        await East.Hold(new StockHold("r-2", 3, Now.AddSeconds(90)));
        await East.Hold(new StockHold("r-3", 1, Now.AddSeconds(90)));

        Time.Advance(TimeSpan.FromSeconds(60));
        await Grains.RowWhen(Network.East, Sku, r => r!.Reserved == 3);

        Assert.Equal(2, meter.Total(InventoryInstrumentNames.Holds, Network.East));
        Assert.Equal(1, meter.Total(InventoryInstrumentNames.Refusals, Network.East));
        Assert.Equal(1, meter.Total(InventoryInstrumentNames.Expiries, Network.East));
    }

    private Task<IReadOnlyList<IGrainReminder>> Reminders(string warehouseId, string sku) =>
        ReadReminders(GrainId.Create("inventory", $"{warehouseId}/{sku}"));

    private async Task<IReadOnlyList<IGrainReminder>> ReadReminders(GrainId grainId) =>
        [.. (await Shared.Reminders.ReadAllAsync(grainId)).Where(r => r.Name == InventoryGrain.ExpiryReminder)];
}
