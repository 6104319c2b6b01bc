using System.Net;
using System.Text.Json;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>The order and alert lists, answered from the read model: every filter, the limit, and their validation.</summary>
public sealed class ReadModelListTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();

        // The clock stays at 2026-01-01T00:00Z: o-3 is due within the at-risk lead (4 h), o-5 was due an hour ago.
        foreach (var (id, promise) in new[] { ("o-1", OrderRequests.Promise), ("o-2", OrderRequests.Promise), ("o-3", "2026-01-01T02:00:00Z"), ("o-4", OrderRequests.Promise), ("o-5", "2025-12-31T23:00:00Z") })
        {
            await JsonBody.ReadAsync(await _host.PlaceOrderAsync(OrderRequests.OrderBody(id, promise: promise)), HttpStatusCode.Created);
        }

        await _host.PostAcceptedAsync(
            OrderRequests.StageAt("o-1", "picked", "2026-01-01T00:00:00Z"),
            OrderRequests.StageAt("o-2", "labeled", "2026-01-01T00:00:00Z", warehouseId: "WH-WEST", carrier: "fedex", trackingNumber: "F-2"),
            OrderRequests.StageAt("o-4", "carrier_scanned", "2026-01-01T00:00:00Z", carrier: "ups", trackingNumber: "U-4"));
        await _host.WaitForAsync("/api/v1/orders?limit=500", Listed("o-1:picked", "o-2:labeled", "o-3:created", "o-4:carrier_scanned", "o-5:created"), "every order projected");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("", "o-1 o-2 o-3 o-4 o-5")]
    [InlineData("?stage=created", "o-3 o-5")]
    [InlineData("?stage=picked", "o-1")]
    [InlineData("?stage=delivered", "")]
    [InlineData("?slaStatus=on_track", "o-1 o-2 o-4")]
    [InlineData("?slaStatus=at_risk", "o-3")]
    [InlineData("?slaStatus=breached", "o-5")]
    [InlineData("?warehouseId=WH-EAST", "o-1 o-4")]
    [InlineData("?warehouseId=WH-WEST", "o-2")]
    [InlineData("?carrier=ups", "o-4")]
    [InlineData("?carrier=fedex&warehouseId=WH-WEST&stage=labeled&slaStatus=on_track", "o-2")]
    [InlineData("?carrier=fedex&warehouseId=WH-EAST", "")]
    [InlineData("?limit=2", "o-1 o-2")]
    [InlineData("?slaStatus=on_track&limit=1", "o-1")]
    public async Task ListOrders_Filters(string query, string expected)
    {
        var body = await _host.GetOpsAsync($"/api/v1/orders{query}");

        Assert.Equal(expected, string.Join(' ', body.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString())));
    }

    [Fact]
    public async Task ListOrders_ItemIsTheOrderWithoutItsTimeline()
    {
        var body = await _host.GetOpsAsync("/api/v1/orders?carrier=fedex");

        JsonAssert.Equal(
            """
            { "items": [ { "orderId": "o-2", "customerId": "c-9", "stage": "labeled", "warehouseId": "WH-WEST", "carrier": "fedex",
              "trackingNumber": "F-2", "promisedDeliveryAt": "2026-01-03T18:00:00Z", "slaStatus": "on_track",
              "pickToPackMinutes": null, "labelToScanMinutes": null, "updatedAt": "2026-01-01T00:00:00Z" } ] }
            """,
            body);
    }

    [Fact]
    public async Task ListAlerts_ByStatus()
    {
        var open = await _host.WaitForAsync("/api/v1/alerts?status=open", a => a.GetProperty("items").GetArrayLength() == 2, "two open alerts");

        JsonAssert.Equal(
            """
            { "items": [
              { "alertId": "o-3:sla_at_risk", "orderId": "o-3", "kind": "sla_at_risk", "raisedAt": "2026-01-01T00:00:00Z", "status": "open",
                "resolvedAt": null, "dueAt": "2025-12-31T22:00:00Z", "warehouseId": null, "carrier": null },
              { "alertId": "o-5:sla_breached", "orderId": "o-5", "kind": "sla_breached", "raisedAt": "2026-01-01T00:00:00Z", "status": "open",
                "resolvedAt": null, "dueAt": "2025-12-31T23:00:00Z", "warehouseId": null, "carrier": null } ] }
            """,
            open);
        JsonAssert.Equal("""{ "items": [] }""", await _host.GetOpsAsync("/api/v1/alerts?status=resolved"));
        Assert.Equal(1, (await _host.GetOpsAsync("/api/v1/alerts?limit=1")).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/orders?stage=shipped", "stage", "must be one of created, payment_confirmed, allocated, picked, packed, labeled, carrier_scanned, in_transit, out_for_delivery, delivered, failed, cancelled")]
    [InlineData("/api/v1/orders?slaStatus=late", "slaStatus", "must be one of on_track, at_risk, breached")]
    [InlineData("/api/v1/orders?warehouseId=WH%20EAST", "warehouseId", "may contain only letters, digits and . _ - :")]
    [InlineData("/api/v1/orders?carrier=", "carrier", "must not be empty")]
    [InlineData("/api/v1/orders?limit=0", "limit", "must be an integer from 1 to 500")]
    [InlineData("/api/v1/orders?limit=501", "limit", "must be an integer from 1 to 500")]
    [InlineData("/api/v1/orders?limit=ten", "limit", "must be an integer from 1 to 500")]
    [InlineData("/api/v1/alerts?status=closed", "status", "must be one of open, resolved")]
    [InlineData("/api/v1/alerts?limit=1000", "limit", "must be an integer from 1 to 500")]
    public async Task List_InvalidFilter_Returns400NamingIt(string path, string field, string message)
    {
        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Get, path, apiKey: TestKeys.Ops), HttpStatusCode.BadRequest);

        Assert.Equal(new Dictionary<string, string[]> { [field] = [message] }, problem.Errors);
    }

    /// <summary>True when the list holds exactly these orders at these stages (<c>id:stage</c>).</summary>
    private static Func<JsonElement, bool> Listed(params string[] orders) => body =>
        body.GetProperty("items").EnumerateArray()
            .Select(o => $"{o.GetProperty("orderId").GetString()}:{o.GetProperty("stage").GetString()}")
            .Order(StringComparer.Ordinal)
            .SequenceEqual(orders);
}
