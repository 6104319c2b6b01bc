using System.Net;
using Fulfillment.Api.Tests.Support;
using Fulfillment.Contracts.Availability;
using Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Api.Tests;

public sealed class AtpApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Get_KnownSku_SumsItsWarehousesWithEveryField()
    {
        await _host.SetStockAsync("WH-WEST", "SKU-1", onHand: 8);
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 50, safetyStock: 3, inbound: 10);

        var atp = await _host.GetAtpAsync("SKU-1", "?quantity=55");

        JsonAssert.Equal(
            """
            { "sku": "SKU-1", "available": 55, "canPromise": true, "asOf": "2026-01-01T00:00:00Z",
              "warehouses": [
                { "warehouseId": "WH-EAST", "onHand": 50, "reserved": 0, "safetyStock": 3, "available": 47, "inbound": 10 },
                { "warehouseId": "WH-WEST", "onHand": 8, "reserved": 0, "safetyStock": 0, "available": 8, "inbound": 0 } ] }
            """,
            atp);
    }

    [Fact]
    public async Task Get_UnknownSku_IsNotAnError()
    {
        var atp = await _host.GetAtpAsync("SKU-NEVER-STOCKED");

        JsonAssert.Equal(
            """{ "sku": "SKU-NEVER-STOCKED", "available": 0, "canPromise": false, "asOf": "2026-01-01T00:00:00Z", "warehouses": [] }""",
            atp);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("?quantity=1", true)]
    [InlineData("?quantity=5", true)]
    [InlineData("?quantity=6", false)]
    public async Task Get_CanPromise_WhenAvailableCoversTheQuantity(string query, bool canPromise)
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 7, safetyStock: 2);

        var atp = await _host.GetAtpAsync("SKU-1", query);

        Assert.Equal(5, atp.GetProperty("available").GetInt32());
        Assert.Equal(canPromise, atp.GetProperty("canPromise").GetBoolean());
    }

    [Fact]
    public async Task Get_SafetyStockAboveOnHand_IsZeroNotNegative()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 2, safetyStock: 5);

        var atp = await _host.GetAtpAsync("SKU-1");

        Assert.Equal(0, atp.GetProperty("available").GetInt32());
        Assert.Equal(0, atp.GetProperty("warehouses")[0].GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Get_AsOf_IsTheViewsTimeInUtc()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 5);
        _host.Settings.Time.Advance(TimeSpan.FromSeconds(3));
        var view = await _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAvailabilityGrain>("SKU-1").Get();

        var atp = await _host.GetAtpAsync("SKU-1");

        Assert.Equal(view.AsOf, atp.GetProperty("asOf").GetDateTimeOffset());
        Assert.EndsWith("Z", atp.GetProperty("asOf").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ShowsHeldStockAsReserved()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 4)]), HttpStatusCode.Created);

        var atp = await _host.WaitForAvailableAsync("SKU-1", 6);

        Assert.Equal(4, atp.GetProperty("warehouses")[0].GetProperty("reserved").GetInt32());
    }
}
