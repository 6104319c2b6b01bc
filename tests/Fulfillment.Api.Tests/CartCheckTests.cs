using Fulfillment.Api.Tests.Support;
using Grains.Testing;

namespace Fulfillment.Api.Tests;

/// <summary>
/// <c>POST /api/v1/atp/check</c> over the default network (WH-EAST, WH-CENTRAL, WH-WEST; one handling day; 1 transit
/// day inside a region, 2 to a neighbour, 4 coast to coast, 5 with no region) and the manual clock's 2026-01-01.
/// </summary>
public sealed class CartCheckTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Check_OneWarehouseStocksEveryLine_ShipsAllFromItNearestFirst()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        await _host.SetStockAsync("WH-WEST", "SKU-1", onHand: 10);
        await _host.SetStockAsync("WH-EAST", "SKU-2", onHand: 3);

        var body = await JsonBody.ReadAsync(await _host.CheckCartAsync("us-east", ("SKU-1", 2), ("SKU-2", 1)));

        JsonAssert.Equal(
            """
            { "canPromiseAll": true, "lines": [
              { "sku": "SKU-1", "quantity": 2, "available": 20, "canPromise": true,
                "shipFrom": [ { "warehouseId": "WH-EAST", "quantity": 2 } ], "promisedDeliveryDate": "2026-01-03" },
              { "sku": "SKU-2", "quantity": 1, "available": 3, "canPromise": true,
                "shipFrom": [ { "warehouseId": "WH-EAST", "quantity": 1 } ], "promisedDeliveryDate": "2026-01-03" } ] }
            """,
            body);
    }

    [Fact]
    public async Task Check_PrefersOneFartherWarehouseForTheWholeCartOverTwoNearer()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        await _host.SetStockAsync("WH-WEST", "SKU-1", onHand: 10);
        await _host.SetStockAsync("WH-WEST", "SKU-2", onHand: 5);

        var body = await JsonBody.ReadAsync(await _host.CheckCartAsync("us-east", ("SKU-1", 2), ("SKU-2", 1)));

        JsonAssert.Equal(
            """
            { "canPromiseAll": true, "lines": [
              { "sku": "SKU-1", "quantity": 2, "available": 20, "canPromise": true,
                "shipFrom": [ { "warehouseId": "WH-WEST", "quantity": 2 } ], "promisedDeliveryDate": "2026-01-06" },
              { "sku": "SKU-2", "quantity": 1, "available": 5, "canPromise": true,
                "shipFrom": [ { "warehouseId": "WH-WEST", "quantity": 1 } ], "promisedDeliveryDate": "2026-01-06" } ] }
            """,
            body);
    }

    [Fact]
    public async Task Check_NoWarehouseHasTheWholeLine_SplitsItLargestFirst()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        await _host.SetStockAsync("WH-WEST", "SKU-1", onHand: 6);

        var body = await JsonBody.ReadAsync(await _host.CheckCartAsync("us-east", ("SKU-1", 14)));

        JsonAssert.Equal(
            """
            { "canPromiseAll": true, "lines": [
              { "sku": "SKU-1", "quantity": 14, "available": 16, "canPromise": true,
                "shipFrom": [ { "warehouseId": "WH-EAST", "quantity": 10 }, { "warehouseId": "WH-WEST", "quantity": 4 } ],
                "promisedDeliveryDate": "2026-01-06" } ] }
            """,
            body);
    }

    [Fact]
    public async Task Check_LineBeyondTheNetwork_CannotBePromisedAndTheRestIsStillPlanned()
    {
        await _host.SetStockAsync("WH-CENTRAL", "SKU-1", onHand: 4);
        await _host.SetStockAsync("WH-CENTRAL", "SKU-2", onHand: 9);

        var body = await JsonBody.ReadAsync(await _host.CheckCartAsync("us-east", ("SKU-1", 5), ("SKU-2", 9), ("SKU-UNKNOWN", 1)));

        JsonAssert.Equal(
            """
            { "canPromiseAll": false, "lines": [
              { "sku": "SKU-1", "quantity": 5, "available": 4, "canPromise": false, "shipFrom": [], "promisedDeliveryDate": null },
              { "sku": "SKU-2", "quantity": 9, "available": 9, "canPromise": true,
                "shipFrom": [ { "warehouseId": "WH-CENTRAL", "quantity": 9 } ], "promisedDeliveryDate": "2026-01-04" },
              { "sku": "SKU-UNKNOWN", "quantity": 1, "available": 0, "canPromise": false, "shipFrom": [], "promisedDeliveryDate": null } ] }
            """,
            body);
    }

    [Fact]
    public async Task Check_WithoutRegion_PromisesWithTheDefaultTransit()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);

        var body = await JsonBody.ReadAsync(await _host.CheckCartAsync(null, ("SKU-1", 1)));

        Assert.Equal("2026-01-07", body.GetProperty("lines")[0].GetProperty("promisedDeliveryDate").GetString());
    }

    [Fact]
    public async Task Check_DatesCountFromTodayInUtc()
    {
        await using var host = await ApiHost.StartAsync(s => s.Time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero)));
        await host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);

        var body = await JsonBody.ReadAsync(await host.CheckCartAsync("us-east", ("SKU-1", 1)));

        Assert.Equal("2026-11-25", body.GetProperty("lines")[0].GetProperty("promisedDeliveryDate").GetString());
    }

    [Fact]
    public async Task Check_HoldsNothing()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);

        await JsonBody.ReadAsync(await _host.CheckCartAsync("us-east", ("SKU-1", 10)));

        Assert.Equal(0, (await _host.InventoryRowAsync("WH-EAST", "SKU-1"))!.Reserved);
        Assert.Equal(10, await _host.AvailableAsync("SKU-1"));
    }
}
