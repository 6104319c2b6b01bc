using System.Text;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Events;
using Fulfillment.Grains.Orders;

namespace Fulfillment.Grains.Tests.Orders;

public sealed class OrderEventReaderTests
{
    private static readonly DateTimeOffset Enqueued = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_Created_IsTheOrderAtTheEventTime()
    {
        var read = Read("fulfillment.order.created", """{"orderId":"o-1","customerId":"c-9","lines":[{"sku":"SKU-1","quantity":2}],"destinationRegion":"us-east","promisedDeliveryAt":"2026-11-25T18:00:00Z","reservationId":"r-1"}""");

        Assert.Equal(("o-1", new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.Zero)), (read!.OrderId, read.Time));
        Assert.Equal(("c-9", "us-east", "r-1", new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero)), (read.Creation!.CustomerId, read.Creation.DestinationRegion, read.Creation.ReservationId, read.Creation.PromisedDeliveryAt));
        Assert.Equal([new OrderLine("SKU-1", 2)], read.Creation.Lines);
    }

    [Fact]
    public void Read_Stage_CarriesTheParsedStageAndTheReport()
    {
        var read = Read("fulfillment.order.stage", """{"orderId":"o-1","stage":"carrier_scanned","warehouseId":"WH-EAST","carrier":"ups","trackingNumber":"1Z1"}""");

        Assert.Equal((Stage.CarrierScanned, "WH-EAST", "ups", "1Z1"), (read!.Stage, read.StageReport!.WarehouseId, read.StageReport.Carrier, read.StageReport.TrackingNumber));
    }

    [Theory]
    [InlineData("fulfillment.order.payment_confirmed", """{"orderId":"o-2"}""")]
    [InlineData("fulfillment.order.cancelled", """{"orderId":"o-2","reason":"customer"}""")]
    public void Read_PaymentAndCancellation_NameTheOrder(string type, string data) =>
        Assert.Equal(("o-2", type), (Read(type, data)!.OrderId, Read(type, data)!.Type));

    [Fact]
    public void Read_InventoryType_IsNull() =>
        Assert.Null(Read("fulfillment.inventory.received", """{"warehouseId":"WH-EAST","sku":"S","quantity":1}"""));

    [Fact]
    public void Read_NoTime_FallsBackToWhenTheLogAcceptedIt()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"fulfillment.order.payment_confirmed","data":{"orderId":"o-1"}}""");

        Assert.Equal(Enqueued, OrderEventReader.Read(body, Enqueued)!.Time);
    }

    [Theory]
    [InlineData("fulfillment.order.stage", """{"orderId":"o-1","stage":"created","warehouseId":"WH-EAST"}""", "data.stage is 'created'")]
    [InlineData("fulfillment.order.stage", """{"orderId":"o-1","stage":"picked"}""", "names no warehouseId")]
    [InlineData("fulfillment.order.payment_confirmed", """{"order":"o-1"}""", "names no orderId")]
    [InlineData("fulfillment.order.created", """{"orderId":"o-1","customerId":"c","lines":[],"destinationRegion":"x","promisedDeliveryAt":"2026-11-25T18:00:00Z"}""", "lines is empty")]
    [InlineData("fulfillment.order.created", """{"orderId":"o-1","customerId":"c","lines":"many"}""", "does not have the expected shape")]
    public void Read_UnusableData_ThrowsInvalidData(string type, string data, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(type, data));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadTime_ThrowsInvalidData()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"fulfillment.order.payment_confirmed","time":"yesterday","data":{"orderId":"o-1"}}""");

        Assert.Throws<InvalidDataException>(() => OrderEventReader.Read(body, Enqueued));
    }

    private static OrderEvent? Read(string type, string data) =>
        OrderEventReader.Read(
            Encoding.UTF8.GetBytes($$"""{"specversion":"1.0","id":"e-1","source":"/wms","type":"{{type}}","subject":"o-1","time":"2026-11-23T14:05:00Z","data":{{data}}}"""),
            Enqueued);
}
