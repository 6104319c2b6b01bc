using System.Net;
using System.Text.Json.Nodes;
using Fulfillment.Api.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Fulfillment.Api.Tests;

public sealed class InventoryApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Put_Returns200WithTheAtpRow()
    {
        var row = await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 50, safetyStock: 3, inbound: 10);

        JsonAssert.Equal(
            """{ "warehouseId": "WH-EAST", "sku": "SKU-1", "onHand": 50, "reserved": 0, "safetyStock": 3, "available": 47, "inbound": 10 }""",
            row);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Information
            && e.Message == "Inventory of SKU-1 in WH-EAST set: on hand 50, reserved 0, safety stock 3, inbound 10");
    }

    [Fact]
    public async Task Put_AnswersOnceAtpShowsTheNewLevels()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 50, safetyStock: 3);
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 20, safetyStock: 1);

        var atp = await _host.GetAtpAsync("SKU-1");

        Assert.Equal(19, atp.GetProperty("available").GetInt32());
        Assert.Equal(20, atp.GetProperty("warehouses")[0].GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task Put_WithoutInbound_KeepsTheInboundSupply()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 5, inbound: 12);

        var row = await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 6);

        Assert.Equal(12, row.GetProperty("inbound").GetInt32());
        Assert.Equal(6, row.GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task Put_KeepsHeldStock()
    {
        await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 10);
        await JsonBody.ReadAsync(await _host.PlaceAsync("r-1", [("SKU-1", 4)]), HttpStatusCode.Created);

        var row = await _host.SetStockAsync("WH-EAST", "SKU-1", onHand: 20, safetyStock: 2);

        JsonAssert.Equal(
            """{ "warehouseId": "WH-EAST", "sku": "SKU-1", "onHand": 20, "reserved": 4, "safetyStock": 2, "available": 14, "inbound": 0 }""",
            row);
    }

    [Fact]
    public async Task Put_ConfiguredWarehouses_ReplaceTheDefaults()
    {
        await using var host = await ApiHost.StartAsync(s =>
        {
            s.Configuration["Fulfillment:Warehouses:0:Id"] = "DC-1";
            s.Configuration["Fulfillment:Warehouses:0:Region"] = "eu-west";
        });

        var accepted = await host.SendJsonAsync(HttpMethod.Put, "/api/v1/inventory/DC-1/SKU-1", new JsonObject { ["onHand"] = 1, ["safetyStock"] = 0 }, TestKeys.Ops);
        var refused = await host.SendJsonAsync(HttpMethod.Put, "/api/v1/inventory/WH-EAST/SKU-1", new JsonObject { ["onHand"] = 1, ["safetyStock"] = 0 }, TestKeys.Ops);

        await JsonBody.ReadAsync(accepted);
        var problem = await Problem.ReadAsync(refused, HttpStatusCode.NotFound);
        Assert.Equal(["must be one of the configured warehouses: DC-1"], problem.Errors["warehouseId"]);
    }
}
