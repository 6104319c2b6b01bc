using System.Text.Json;
using Fulfillment.Contracts.Validation;

namespace Fulfillment.Contracts.Tests;

public sealed class EventDataShapeTests
{
    [Theory]
    [InlineData(FulfillmentEventTypes.OrderCreated, """{"orderId":"o-1","customerId":"c","lines":[{"sku":"S","quantity":1}],"destinationRegion":"eu","promisedDeliveryAt":"2026-11-25T18:00:00Z"}""", "o-1")]
    [InlineData(FulfillmentEventTypes.OrderCreated, """{"orderId":"o-1","customerId":"c","lines":[{"sku":"S","quantity":1}],"destinationRegion":"eu","promisedDeliveryAt":"2026-11-25T18:00:00Z","reservationId":null}""", "o-1")]
    [InlineData(FulfillmentEventTypes.OrderPaymentConfirmed, """{"orderId":"o-1"}""", "o-1")]
    [InlineData(FulfillmentEventTypes.OrderCancelled, """{"orderId":"o-1","reason":"fraud"}""", "o-1")]
    [InlineData(FulfillmentEventTypes.OrderStage, """{"orderId":"o-1","stage":"failed","warehouseId":"W"}""", "o-1")]
    [InlineData(FulfillmentEventTypes.OrderStage, """{"orderId":"o-1","stage":"in_transit","warehouseId":"W","carrier":"ups","trackingNumber":"1Z","promisedDeliveryAt":"2026-11-26T12:00:00+01:00"}""", "o-1")]
    [InlineData(FulfillmentEventTypes.InventoryReceived, """{"warehouseId":"W","sku":"S/1","quantity":2147483647}""", "W/S/1")]
    [InlineData(FulfillmentEventTypes.InventoryAdjusted, """{"warehouseId":"W","sku":"S","onHand":0,"extra":true}""", "W/S")]
    public void Validate_ValidData_ReturnsTheStreamKey(string type, string data, string key)
    {
        var errors = new List<ShapeError>();

        Assert.Equal(key, EventDataShape.Validate(type, Parse(data), errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(FulfillmentEventTypes.OrderCreated, """{"orderId":"o-1","customerId":" ","lines":[7,{"quantity":0}],"destinationRegion":1,"promisedDeliveryAt":"2026-11-25"}""",
        "customerId: must not be empty|destinationRegion: must be a string|promisedDeliveryAt: must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z|lines[0]: must be an object with sku and quantity|lines[1].sku: is required|lines[1].quantity: must be an integer of 1 or more")]
    [InlineData(FulfillmentEventTypes.OrderCreated, """{"orderId":"o-1","customerId":"c","lines":{},"destinationRegion":"eu","promisedDeliveryAt":"2026-11-25T18:00:00Z","reservationId":""}""",
        "reservationId: must not be empty|lines: must be an array")]
    [InlineData(FulfillmentEventTypes.OrderStage, """{"orderId":null,"stage":"picked","warehouseId":"W","carrier":5,"promisedDeliveryAt":"tomorrow"}""",
        "orderId: is required|carrier: must be a string|promisedDeliveryAt: must be an RFC 3339 timestamp with an offset, such as 2026-11-25T14:30:00Z")]
    [InlineData(FulfillmentEventTypes.InventoryReceived, """{"warehouseId":"W","sku":"S","quantity":2147483648}""",
        "quantity: must be an integer of 1 or more")]
    [InlineData(FulfillmentEventTypes.InventoryAdjusted, """{"warehouseId":"W","sku":"S","onHand":1e2}""",
        "onHand: must be an integer of 0 or more")]
    [InlineData(FulfillmentEventTypes.InventoryAdjusted, """[]""",
        ": must be a JSON object")]
    public void Validate_InvalidData_ReportsEveryBadFieldAndNoKey(string type, string data, string expected)
    {
        var errors = new List<ShapeError>();

        Assert.Null(EventDataShape.Validate(type, Parse(data), errors));
        Assert.Equal(expected.Split('|'), errors.Select(e => $"{e.Field}: {e.Message}"));
    }

    [Fact]
    public void Validate_UnknownType_Throws() =>
        Assert.Throws<ArgumentException>(() => EventDataShape.Validate("fulfillment.unknown", Parse("{}"), new List<ShapeError>()));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
