using System.Text;
using System.Text.Json.Nodes;
using Fulfillment.Contracts;
using Grains;
using Grains.Streams;

namespace Fulfillment.Grains.Tests.Support;

/// <summary>Order events as the stream delivers them (canonical CloudEvent bodies), and their delivery to an order grain.</summary>
public static class OrderEvents
{
    public const string Customer = "c-9";

    public static StreamEvent Created(string orderId, string eventId, DateTimeOffset time, DateTimeOffset promisedDeliveryAt, string? reservationId = null, params (string Sku, int Quantity)[] lines)
    {
        var data = new JsonObject
        {
            ["orderId"] = orderId,
            ["customerId"] = Customer,
            ["lines"] = new JsonArray([.. (lines.Length == 0 ? [("SKU-1", 2)] : lines).Select(l => (JsonNode)new JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity })]),
            ["destinationRegion"] = "us-east",
            ["promisedDeliveryAt"] = Text(promisedDeliveryAt),
        };
        if (reservationId is not null)
        {
            data["reservationId"] = reservationId;
        }

        return Event(orderId, eventId, FulfillmentEventTypes.OrderCreated, time, data);
    }

    public static StreamEvent Paid(string orderId, string eventId, DateTimeOffset time) =>
        Event(orderId, eventId, FulfillmentEventTypes.OrderPaymentConfirmed, time, new JsonObject { ["orderId"] = orderId });

    public static StreamEvent Cancelled(string orderId, string eventId, DateTimeOffset time) =>
        Event(orderId, eventId, FulfillmentEventTypes.OrderCancelled, time, new JsonObject { ["orderId"] = orderId, ["reason"] = "customer" });

    public static StreamEvent Stage(
        string orderId, string eventId, string stage, DateTimeOffset time, string warehouseId = Network.East,
        string? carrier = null, string? trackingNumber = null, DateTimeOffset? promisedDeliveryAt = null)
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

        if (promisedDeliveryAt is { } promise)
        {
            data["promisedDeliveryAt"] = Text(promise);
        }

        return Event(orderId, eventId, FulfillmentEventTypes.OrderStage, time, data);
    }

    /// <summary>Delivers events to their order grains one after another, as a partition's agent does for one key.</summary>
    public static async Task DeliverAsync(this IGrainFactory grains, params StreamEvent[] events)
    {
        foreach (var item in events)
        {
            await grains.GetGrain<IStreamSubscriber>(GrainId.Create("order", item.Key)).OnNextAsync(item);
        }
    }

    private static StreamEvent Event(string orderId, string eventId, string type, DateTimeOffset time, JsonObject data)
    {
        var body = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = eventId,
            ["source"] = "urn:test:wms",
            ["type"] = type,
            ["subject"] = orderId,
            ["time"] = Text(time),
            ["data"] = data,
        };
        return new StreamEvent(0, 1, 0, time, FulfillmentStreams.Orders, orderId, eventId, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
