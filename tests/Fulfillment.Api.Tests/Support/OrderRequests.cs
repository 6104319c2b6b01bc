using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfillment.Contracts;

namespace Fulfillment.Api.Tests.Support;

/// <summary>Requests to the order, tracking and operations routes, and order events with chosen times.</summary>
public static class OrderRequests
{
    public const string Promise = "2026-01-03T18:00:00Z";

    public static JsonObject OrderBody(string orderId, string customerId = "c-9", string promise = Promise) => new()
    {
        ["orderId"] = orderId,
        ["customerId"] = customerId,
        ["lines"] = new JsonArray(new JsonObject { ["sku"] = "SKU-1", ["quantity"] = 2 }),
        ["destinationRegion"] = "us-east",
        ["promisedDeliveryAt"] = promise,
    };

    public static Task<HttpResponseMessage> PlaceOrderAsync(this ApiHost host, JsonObject body, string? apiKey = TestKeys.Storefront) =>
        host.SendJsonAsync(HttpMethod.Post, "/api/v1/orders", body, apiKey);

    public static async Task<JsonElement> GetOrderAsync(this ApiHost host, string orderId, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonBody.ReadAsync(await host.SendAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}", apiKey: TestKeys.Ops), expected);

    public static async Task<JsonElement> GetOpsAsync(this ApiHost host, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonBody.ReadAsync(await host.SendAsync(HttpMethod.Get, path, apiKey: TestKeys.Ops), expected);

    /// <summary>A stage event at <paramref name="time"/>, with the carrier and tracking number once the parcel is labeled.</summary>
    public static JsonObject StageAt(string orderId, string stage, string time, string warehouseId = "WH-EAST", string? carrier = null, string? trackingNumber = null, string? id = null)
    {
        var data = new JsonObject { ["orderId"] = orderId, ["stage"] = stage, ["warehouseId"] = warehouseId };
        if (carrier is not null)
        {
            data["carrier"] = carrier;
        }

        if (trackingNumber is not null)
        {
            data["trackingNumber"] = trackingNumber;
        }

        var created = CloudEvents.Event(id ?? $"{stage}-{orderId}", FulfillmentEventTypes.OrderStage, data, orderId);
        created["time"] = time;
        return created;
    }

    /// <summary>Posts the events and checks they were all accepted.</summary>
    public static async Task PostAcceptedAsync(this ApiHost host, params JsonNode[] events)
    {
        var body = await JsonBody.ReadAsync(await host.PostEventsAsync(CloudEvents.Batch(events)), HttpStatusCode.Accepted);
        Assert.Equal(events.Length, body.GetProperty("accepted").GetInt32() + body.GetProperty("duplicates").GetInt32());
    }

    /// <summary>
    /// Reads the order until its stage is <paramref name="stage"/>: events reach the order grain through the stream
    /// agents after the 202, so the order converges on them.
    /// </summary>
    public static Task<JsonElement> WaitForStageAsync(this ApiHost host, string orderId, string stage) =>
        host.WaitForAsync($"/api/v1/orders/{orderId}", body => body.GetProperty("stage").GetString() == stage, $"order {orderId} at {stage}");

    /// <summary>Reads an ops route until its body satisfies <paramref name="done"/>, failing after a safety net (not a timing assumption).</summary>
    public static async Task<JsonElement> WaitForAsync(this ApiHost host, string path, Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            using var response = await host.SendAsync(HttpMethod.Get, path, apiKey: TestKeys.Ops);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(text).RootElement.Clone();
                if (done(body))
                {
                    return body;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {what}; GET {path} answered {(int)response.StatusCode} {text}");
            await Task.Yield();
        }
    }
}
