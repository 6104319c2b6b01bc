using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Inventory;
using Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Api.Tests.Support;

/// <summary>Requests to the inventory, available-to-promise and reservation routes, with the key of the role each needs.</summary>
public static class StockRequests
{
    public static Task<HttpResponseMessage> SendJsonAsync(this ApiHost host, HttpMethod method, string path, string json, string? apiKey) =>
        host.SendAsync(method, path, new StringContent(json, Encoding.UTF8, "application/json"), apiKey);

    public static Task<HttpResponseMessage> SendJsonAsync(this ApiHost host, HttpMethod method, string path, JsonNode body, string? apiKey) =>
        host.SendJsonAsync(method, path, body.ToJsonString(), apiKey);

    /// <summary>Sets a warehouse's levels of a SKU through the ops route and returns the row it answered.</summary>
    public static async Task<JsonElement> SetStockAsync(this ApiHost host, string warehouseId, string sku, int onHand, int safetyStock = 0, int? inbound = null)
    {
        var body = new JsonObject { ["onHand"] = onHand, ["safetyStock"] = safetyStock };
        if (inbound is not null)
        {
            body["inbound"] = inbound;
        }

        return await JsonBody.ReadAsync(await host.SendJsonAsync(HttpMethod.Put, $"/api/v1/inventory/{warehouseId}/{sku}", body, TestKeys.Ops));
    }

    public static async Task<JsonElement> GetAtpAsync(this ApiHost host, string sku, string query = "") =>
        await JsonBody.ReadAsync(await host.SendAsync(HttpMethod.Get, $"/api/v1/atp/{sku}{query}", apiKey: TestKeys.Storefront));

    /// <summary>The network's available quantity of a SKU.</summary>
    public static async Task<int> AvailableAsync(this ApiHost host, string sku) =>
        (await host.GetAtpAsync(sku)).GetProperty("available").GetInt32();

    /// <summary>
    /// Reads ATP until the network's available quantity of <paramref name="sku"/> is <paramref name="available"/>: an
    /// inventory grain pushes its rows to the SKU's availability grain after its durable write, without the request
    /// that changed it waiting for the push (and a reminder's expiry has no request at all), so the view converges.
    /// </summary>
    public static async Task<JsonElement> WaitForAvailableAsync(this ApiHost host, string sku, int available)
    {
        // A safety net against a hung test run, not a timing assumption: the push is in process.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var atp = await host.GetAtpAsync(sku);
            if (atp.GetProperty("available").GetInt32() == available)
            {
                return atp;
            }

            Assert.True(DateTime.UtcNow < deadline, $"ATP of {sku} stayed {atp.GetRawText()}; expected available {available}.");
            await Task.Yield();
        }
    }

    public static Task<HttpResponseMessage> CheckCartAsync(this ApiHost host, string? destinationRegion, params (string Sku, int Quantity)[] lines)
    {
        var body = new JsonObject { ["lines"] = Lines(lines) };
        if (destinationRegion is not null)
        {
            body["destinationRegion"] = destinationRegion;
        }

        return host.SendJsonAsync(HttpMethod.Post, "/api/v1/atp/check", body, TestKeys.Storefront);
    }

    public static Task<HttpResponseMessage> PlaceAsync(
        this ApiHost host, string reservationId, (string Sku, int Quantity)[] lines, int? ttlSeconds = null, string? destinationRegion = "us-east")
    {
        var body = new JsonObject { ["reservationId"] = reservationId, ["lines"] = Lines(lines) };
        if (ttlSeconds is not null)
        {
            body["ttlSeconds"] = ttlSeconds;
        }

        if (destinationRegion is not null)
        {
            body["destinationRegion"] = destinationRegion;
        }

        return host.SendJsonAsync(HttpMethod.Post, "/api/v1/reservations", body, TestKeys.Storefront);
    }

    public static Task<HttpResponseMessage> ConfirmAsync(this ApiHost host, string reservationId, string orderId) =>
        host.SendJsonAsync(HttpMethod.Post, $"/api/v1/reservations/{reservationId}/confirm", new JsonObject { ["orderId"] = orderId }, TestKeys.Storefront);

    public static Task<HttpResponseMessage> ReleaseAsync(this ApiHost host, string reservationId) =>
        host.SendAsync(HttpMethod.Delete, $"/api/v1/reservations/{reservationId}", apiKey: TestKeys.Storefront);

    public static async Task<JsonElement> GetReservationAsync(this ApiHost host, string reservationId, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonBody.ReadAsync(await host.SendAsync(HttpMethod.Get, $"/api/v1/reservations/{reservationId}", apiKey: TestKeys.Storefront), expected);

    /// <summary>The inventory grain's own (durable) row: the authority on what is held, whatever the ATP view shows yet.</summary>
    public static Task<InventoryRow?> InventoryRowAsync(this ApiHost host, string warehouseId, string sku) =>
        host.Services.GetRequiredService<IGrainFactory>().GetGrain<IInventoryGrain>(FulfillmentStreams.InventoryKey(warehouseId, sku)).GetRow();

    private static JsonArray Lines((string Sku, int Quantity)[] lines) =>
        new([.. lines.Select(l => (JsonNode)new JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity })]);
}
