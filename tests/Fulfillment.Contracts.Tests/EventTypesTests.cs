using System.Text.Json;
using Fulfillment.Contracts.Events;

namespace Fulfillment.Contracts.Tests;

public sealed class EventTypesTests
{
    [Theory]
    [InlineData(FulfillmentEventTypes.OrderCreated, "orders")]
    [InlineData(FulfillmentEventTypes.OrderPaymentConfirmed, "orders")]
    [InlineData(FulfillmentEventTypes.OrderCancelled, "orders")]
    [InlineData(FulfillmentEventTypes.OrderStage, "orders")]
    [InlineData(FulfillmentEventTypes.InventoryReceived, "inventory")]
    [InlineData(FulfillmentEventTypes.InventoryAdjusted, "inventory")]
    [InlineData("fulfillment.order.shipped", null)]
    public void StreamNamespaceOf_MapsEachTypeToItsStream(string type, string? streamNamespace)
    {
        Assert.Equal(streamNamespace, FulfillmentEventTypes.StreamNamespaceOf(type));
        Assert.Equal(streamNamespace is not null, FulfillmentEventTypes.IsKnown(type));
    }

    [Fact]
    public void EventData_UsesStableCamelCaseWireNames()
    {
        var created = new OrderCreated("o-1", "c-9", [new OrderLine("SKU-1", 2)], "us-east", new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero), "r-1");
        var stage = new OrderStageReached("o-1", "packed", "WH-EAST", TrackingNumber: "1Z");

        Assert.Equal(
            """{"orderId":"o-1","customerId":"c-9","lines":[{"sku":"SKU-1","quantity":2}],"destinationRegion":"us-east","promisedDeliveryAt":"2026-11-25T18:00:00+00:00","reservationId":"r-1"}""",
            JsonSerializer.Serialize(created, FulfillmentJsonContext.Default.OrderCreated));
        Assert.Equal(
            """{"orderId":"o-1","stage":"packed","warehouseId":"WH-EAST","carrier":null,"trackingNumber":"1Z","promisedDeliveryAt":null}""",
            JsonSerializer.Serialize(stage, FulfillmentJsonContext.Default.OrderStageReached));
    }

    [Fact]
    public void EventData_ReadsWhatProducersSend()
    {
        var received = JsonSerializer.Deserialize(
            """{"warehouseId":"WH-EAST","sku":"SKU-1","quantity":40,"note":"fields may be added"}""", FulfillmentJsonContext.Default.InventoryReceived);
        var adjusted = JsonSerializer.Deserialize("""{"warehouseId":"WH-EAST","sku":"SKU-1","onHand":0}""", FulfillmentJsonContext.Default.InventoryAdjusted);
        var cancelled = JsonSerializer.Deserialize("""{"orderId":"o-1","reason":"customer"}""", FulfillmentJsonContext.Default.OrderCancelled);
        var paid = JsonSerializer.Deserialize("""{"orderId":"o-1"}""", FulfillmentJsonContext.Default.OrderPaymentConfirmed);

        Assert.Equal(new InventoryReceived("WH-EAST", "SKU-1", 40), received);
        Assert.Equal(new InventoryAdjusted("WH-EAST", "SKU-1", 0), adjusted);
        Assert.Equal(new OrderCancelled("o-1", "customer"), cancelled);
        Assert.Equal(new OrderPaymentConfirmed("o-1"), paid);
    }

    [Fact]
    public void InventoryKey_IsWarehouseSlashSku() => Assert.Equal("WH-EAST/SKU/1", FulfillmentStreams.InventoryKey("WH-EAST", "SKU/1"));
}
