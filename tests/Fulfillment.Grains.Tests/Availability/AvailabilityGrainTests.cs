using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Tests.Support;
using static Fulfillment.Grains.Tests.Support.Network;

namespace Fulfillment.Grains.Tests.Availability;

public abstract class AvailabilityGrainTests : DomainTestBase
{
    private const string Sku = "SKU-1";

    [Fact]
    public async Task Get_UnknownSku_NoWarehousesNothingAvailable()
    {
        var view = await Grains.Availability("SKU-NOBODY-STOCKS").Get();

        Assert.Equal(("SKU-NOBODY-STOCKS", 0, Now), (view.Sku, view.Available, view.AsOf));
        Assert.Empty(view.Warehouses);
    }

    [Fact]
    public async Task Get_ShowsEachStockingWarehouse_AndTheNetworkSum()
    {
        var east = await Grains.StockAsync(East, Sku, 50, 3);
        var west = await Grains.StockAsync(West, Sku, 10);

        var view = await Grains.Availability(Sku).Get();

        Assert.Equal([east, west], view.Warehouses);
        Assert.Equal(57, view.Available);
    }

    [Fact]
    public async Task Get_FollowsEveryChange_OfEveryWarehouse()
    {
        await Grains.StockAsync(East, Sku, 50, 3);
        await Grains.StockAsync(West, Sku, 10);

        await Grains.Inventory(East, Sku).Hold(new StockHold("r-1", 5, Now.AddMinutes(5)));
        var released = await Grains.Inventory(West, Sku).SetLevels(new InventoryLevels(4, 1));
        await Grains.ViewShowsAsync(released);
        var view = await Eventually.Until(() => Grains.Availability(Sku).Get(), v => v.Warehouses[0].Reserved == 5);

        Assert.Equal([(East, 42), (West, 3)], view.Warehouses.Select(w => (w.WarehouseId, w.Available)));
        Assert.Equal(45, view.Available);
    }

    [Fact]
    public async Task Available_NeverNegative_WhenLevelsDropBelowWhatIsReserved()
    {
        await Grains.StockAsync(East, Sku, 10);
        await Grains.StockAsync(West, Sku, 4);
        await Grains.Inventory(East, Sku).Hold(new StockHold("r-1", 9, Now.AddMinutes(5)));

        var dropped = await Grains.Inventory(East, Sku).SetLevels(new InventoryLevels(2, 1));
        var view = await Grains.ViewShowsAsync(dropped);

        Assert.Equal([0, 4], view.Warehouses.Select(w => w.Available));
        Assert.Equal(4, view.Available);
    }

    [Fact]
    public async Task Publish_OlderOrSameVersion_IsIgnored()
    {
        var availability = Grains.Availability("SKU-P");
        var newer = new InventoryRow(East, "SKU-P", 9, 0, 0, 0, 7, Now);

        await availability.Publish(newer);
        await availability.Publish(newer with { OnHand = 1, Version = 6 });
        await availability.Publish(newer with { OnHand = 2 });

        Assert.Equal([newer], (await availability.Get()).Warehouses);
    }

    [Fact]
    public async Task Publish_RowOfAnotherSku_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Grains.Availability("SKU-A").Publish(new InventoryRow(East, "SKU-B", 1, 0, 0, 0, 1, Now)));

        Assert.StartsWith("A row of SKU 'SKU-B' was published to the availability of 'SKU-A'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_OnANewActivation_IsRebuiltFromTheInventoryGrains()
    {
        await Grains.StockAsync(East, Sku, 50, 3);
        await Grains.StockAsync(Central, Sku, 7);
        await Grains.Inventory(East, Sku).Hold(new StockHold("r-1", 5, Now.AddMinutes(5)));
        var east = await Grains.Inventory(East, Sku).GetRow();
        var central = await Grains.Inventory(Central, Sku).GetRow();

        // Nothing of the view is stored: the next silo starts without it and asks the inventory.
        await RestartAsync();
        var view = await Grains.Availability(Sku).Get();

        Assert.Equal([central!, east!], view.Warehouses);
        Assert.Equal(49, view.Available);
    }
}
