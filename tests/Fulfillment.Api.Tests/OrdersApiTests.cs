using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

public sealed class OrdersApiTests : IAsyncLifetime
{
    private const string Placed = """
        { "orderId": "o-1", "customerId": "c-9", "stage": "created", "warehouseId": null, "carrier": null,
          "trackingNumber": null, "promisedDeliveryAt": "2026-01-03T18:00:00Z", "slaStatus": "on_track",
          "pickToPackMinutes": null, "labelToScanMinutes": null, "updatedAt": "2026-01-01T00:00:00Z",
          "timeline": [ { "stage": "created", "at": "2026-01-01T00:00:00Z", "eventId": null } ] }
        """;

    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Place_Returns201WithTheOrderAndLocation()
    {
        var response = await _host.PlaceOrderAsync(OrderRequests.OrderBody("o-1"));

        JsonAssert.Equal(Placed, await JsonBody.ReadAsync(response, HttpStatusCode.Created));
        Assert.Equal("/api/v1/orders/o-1", response.Headers.Location?.OriginalString);
        JsonAssert.Equal(Placed, await _host.GetOrderAsync("o-1"));
    }

    [Fact]
    public async Task Place_SameOrderIdAgain_Returns200WithTheExistingOrderUnchanged()
    {
        await JsonBody.ReadAsync(await _host.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);
        _host.Settings.Time.Advance(TimeSpan.FromMinutes(5));

        var again = await _host.PlaceOrderAsync(OrderRequests.OrderBody("o-1", customerId: "c-other", promise: "2026-02-01T00:00:00Z"));

        JsonAssert.Equal(Placed, await JsonBody.ReadAsync(again, HttpStatusCode.OK));
        Assert.Null(again.Headers.Location);
    }

    [Fact]
    public async Task Place_StorefrontMayReadItsOrder()
    {
        await JsonBody.ReadAsync(await _host.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);

        var read = await _host.SendAsync(HttpMethod.Get, "/api/v1/orders/o-1", apiKey: TestKeys.Storefront);

        JsonAssert.Equal(Placed, await JsonBody.ReadAsync(read));
    }

    [Fact]
    public async Task Place_EscapedIdInLocation_FindsTheOrder()
    {
        var response = await _host.PlaceOrderAsync(OrderRequests.OrderBody("o:1.a_b-c"));

        await JsonBody.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/v1/orders/o%3A1.a_b-c", response.Headers.Location!.OriginalString);
        Assert.Equal("o:1.a_b-c", (await _host.GetOrderAsync("o%3A1.a_b-c")).GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Get_UnknownOrder_Returns404Problem()
    {
        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/api/v1/orders/o-404", apiKey: TestKeys.Ops), HttpStatusCode.NotFound);

        Assert.Equal("Order not found", problem.Title);
        Assert.Equal("No order has id 'o-404'.", problem.Detail);
    }

    [Fact]
    public async Task StageEvents_ShowInTheOrderTrackingCarrierAndWarehouse()
    {
        await JsonBody.ReadAsync(await _host.PlaceOrderAsync(OrderRequests.OrderBody("o-1")), HttpStatusCode.Created);

        await _host.PostAcceptedAsync(
            OrderRequests.StageAt("o-1", "picked", "2026-01-01T01:00:00Z"),
            OrderRequests.StageAt("o-1", "packed", "2026-01-01T01:12:30Z"),
            OrderRequests.StageAt("o-1", "labeled", "2026-01-01T01:20:00Z", carrier: "ups", trackingNumber: "1Z1"),
            OrderRequests.StageAt("o-1", "carrier_scanned", "2026-01-01T02:00:15Z", carrier: "ups", trackingNumber: "1Z1"));
        var order = await _host.WaitForStageAsync("o-1", "carrier_scanned");

        const string Timeline = """
            [ { "stage": "created", "at": "2026-01-01T00:00:00Z", "eventId": null },
              { "stage": "picked", "at": "2026-01-01T01:00:00Z", "eventId": "picked-o-1" },
              { "stage": "packed", "at": "2026-01-01T01:12:30Z", "eventId": "packed-o-1" },
              { "stage": "labeled", "at": "2026-01-01T01:20:00Z", "eventId": "labeled-o-1" },
              { "stage": "carrier_scanned", "at": "2026-01-01T02:00:15Z", "eventId": "carrier_scanned-o-1" } ]
            """;
        JsonAssert.Equal(
            $$"""
            { "orderId": "o-1", "customerId": "c-9", "stage": "carrier_scanned", "warehouseId": "WH-EAST", "carrier": "ups",
              "trackingNumber": "1Z1", "promisedDeliveryAt": "2026-01-03T18:00:00Z", "slaStatus": "on_track",
              "pickToPackMinutes": 12.5, "labelToScanMinutes": 40.25, "updatedAt": "2026-01-01T00:00:00Z", "timeline": {{Timeline}} }
            """,
            order);
        var tracking = await _host.WaitForAsync("/api/v1/tracking/1Z1", t => t.GetProperty("stage").GetString() == "carrier_scanned", "tracking 1Z1");
        JsonAssert.Equal(
            $$"""
            { "orderId": "o-1", "stage": "carrier_scanned", "warehouseId": "WH-EAST", "carrier": "ups",
              "trackingNumber": "1Z1", "promisedDeliveryAt": "2026-01-03T18:00:00Z", "slaStatus": "on_track",
              "pickToPackMinutes": 12.5, "labelToScanMinutes": 40.25, "updatedAt": "2026-01-01T00:00:00Z", "timeline": {{Timeline}} }
            """,
            tracking);
        var carrier = await _host.WaitForAsync("/api/v1/carriers/ups", c => c.GetProperty("avgLabelToScanMinutes").ValueKind != System.Text.Json.JsonValueKind.Null, "carrier ups");
        JsonAssert.Equal(
            """
            { "carrier": "ups", "totalOrders": 1, "delivered": 0, "onTimeDeliveries": 0, "lateDeliveries": 0, "onTimeRatePct": null,
              "avgPickToPackMinutes": 12.5, "avgLabelToScanMinutes": 40.25, "updatedAt": "2026-01-01T00:00:00Z" }
            """,
            carrier);
        JsonAssert.Equal($"[{carrier.GetRawText()}]", await _host.GetOpsAsync("/api/v1/carriers"));
        var warehouse = await _host.WaitForAsync("/api/v1/warehouses/WH-EAST", w => w.GetProperty("pickToPackSamples").GetInt32() == 1, "warehouse WH-EAST");
        JsonAssert.Equal(
            """
            { "warehouseId": "WH-EAST", "backlog": [ { "stage": "carrier_scanned", "count": 1 } ], "pickToPackP50Minutes": 12.5,
              "pickToPackP90Minutes": 12.5, "pickToPackSamples": 1, "stuckOrders": [], "updatedAt": "2026-01-01T00:00:00Z" }
            """,
            warehouse);
    }

    [Fact]
    public async Task Tracking_IsPublicAndUnknownNumbersAre404()
    {
        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/api/v1/tracking/1Z000"), HttpStatusCode.NotFound);

        Assert.Equal("Tracking number not found", problem.Title);
        Assert.Equal("No shipment has tracking number '1Z000'.", problem.Detail);
    }

    [Fact]
    public async Task Carrier_NoOrderHadIt_Returns404AndTheListIsEmpty()
    {
        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/api/v1/carriers/pigeon", apiKey: TestKeys.Ops), HttpStatusCode.NotFound);

        Assert.Equal("No order has had carrier 'pigeon'.", problem.Detail);
        JsonAssert.Equal("[]", await _host.GetOpsAsync("/api/v1/carriers"));
    }

    [Fact]
    public async Task Warehouse_ConfiguredWithoutOrders_AnswersZerosAndAnUnknownOneIs404()
    {
        JsonAssert.Equal(
            """
            { "warehouseId": "WH-WEST", "backlog": [], "pickToPackP50Minutes": null, "pickToPackP90Minutes": null,
              "pickToPackSamples": 0, "stuckOrders": [], "updatedAt": null }
            """,
            await _host.GetOpsAsync("/api/v1/warehouses/WH-WEST"));

        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/api/v1/warehouses/WH-MOON", apiKey: TestKeys.Ops), HttpStatusCode.NotFound);

        Assert.Equal(["must be a configured warehouse (WH-CENTRAL, WH-EAST, WH-WEST) or one an order reported"], problem.Errors["warehouseId"]);
    }
}
