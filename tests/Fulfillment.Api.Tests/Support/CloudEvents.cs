using System.Text.Json.Nodes;
using Fulfillment.Contracts;

namespace Fulfillment.Api.Tests.Support;

/// <summary>Valid CloudEvents of each type, as JSON a test may change before sending.</summary>
public static class CloudEvents
{
    public const string Source = "urn:test:wms";
    public const string Time = "2026-11-23T14:05:00Z";

    public static JsonObject Event(string id, string type, JsonObject data, string? subject = null, string source = Source) =>
        new()
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = source,
            ["type"] = type,
            ["subject"] = subject,
            ["time"] = Time,
            ["data"] = data,
        };

    public static JsonObject OrderCreated(string orderId, string? id = null) => Event(
        id ?? $"created-{orderId}",
        FulfillmentEventTypes.OrderCreated,
        new JsonObject
        {
            ["orderId"] = orderId,
            ["customerId"] = "c-9",
            ["lines"] = new JsonArray(new JsonObject { ["sku"] = "SKU-1", ["quantity"] = 2 }),
            ["destinationRegion"] = "us-east",
            ["promisedDeliveryAt"] = "2026-11-25T18:00:00Z",
            ["reservationId"] = "r-123",
        },
        subject: orderId);

    public static JsonObject PaymentConfirmed(string orderId, string? id = null) =>
        Event(id ?? $"paid-{orderId}", FulfillmentEventTypes.OrderPaymentConfirmed, new JsonObject { ["orderId"] = orderId }, orderId);

    public static JsonObject Cancelled(string orderId, string? id = null) => Event(
        id ?? $"cancelled-{orderId}", FulfillmentEventTypes.OrderCancelled, new JsonObject { ["orderId"] = orderId, ["reason"] = "customer" }, orderId);

    public static JsonObject Stage(string orderId, string stage, string? id = null) => Event(
        id ?? $"{stage}-{orderId}",
        FulfillmentEventTypes.OrderStage,
        new JsonObject { ["orderId"] = orderId, ["stage"] = stage, ["warehouseId"] = "WH-EAST", ["carrier"] = "ups", ["trackingNumber"] = "1Z999" },
        orderId);

    public static JsonObject Received(string warehouseId, string sku, int quantity, string? id = null) => Event(
        id ?? $"received-{warehouseId}-{sku}",
        FulfillmentEventTypes.InventoryReceived,
        new JsonObject { ["warehouseId"] = warehouseId, ["sku"] = sku, ["quantity"] = quantity },
        $"{warehouseId}/{sku}");

    public static JsonObject Adjusted(string warehouseId, string sku, int onHand, string? id = null) => Event(
        id ?? $"adjusted-{warehouseId}-{sku}",
        FulfillmentEventTypes.InventoryAdjusted,
        new JsonObject { ["warehouseId"] = warehouseId, ["sku"] = sku, ["onHand"] = onHand },
        $"{warehouseId}/{sku}");

    public static string Batch(params JsonNode[] events) => new JsonArray([.. events.Select(e => e.DeepClone())]).ToJsonString();
}
