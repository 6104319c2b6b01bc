using System.Text;
using Fulfillment.Grains.Inventory;

namespace Fulfillment.Grains.Tests.Inventory;

public sealed class InventoryEventReaderTests
{
    [Fact]
    public void Read_Received_IsOnHandIncrease()
    {
        var change = InventoryEventReader.Read(Body("fulfillment.inventory.received", """{"warehouseId":"WH-EAST","sku":"SKU-1","quantity":5}"""));

        Assert.Equal(new InventoryChange(InventoryChangeKind.Received, new InventoryKey("WH-EAST", "SKU-1"), 5), change);
    }

    [Fact]
    public void Read_Adjusted_IsCount()
    {
        var change = InventoryEventReader.Read(Body("fulfillment.inventory.adjusted", """{"warehouseId":"WH-WEST","sku":"SKU/2","onHand":0,"note":"cycle count"}"""));

        Assert.Equal(new InventoryChange(InventoryChangeKind.Adjusted, new InventoryKey("WH-WEST", "SKU/2"), 0), change);
    }

    [Fact]
    public void Read_OtherType_IsNull() =>
        Assert.Null(InventoryEventReader.Read(Body("fulfillment.order.created", """{"orderId":"o-1"}""")));

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"id":"e-1"}""", "no 'type'")]
    [InlineData("""{"type":"fulfillment.inventory.received"}""", "no 'data'")]
    [InlineData("""{"type":"fulfillment.inventory.received","data":{"warehouseId":"WH-EAST","sku":"S","quantity":0}}""", "data.quantity is 0")]
    [InlineData("""{"type":"fulfillment.inventory.adjusted","data":{"warehouseId":"WH-EAST","sku":"S","onHand":-1}}""", "data.onHand is -1")]
    [InlineData("""{"type":"fulfillment.inventory.adjusted","data":{"sku":"S","onHand":1}}""", "no warehouseId or sku")]
    [InlineData("""{"type":"fulfillment.inventory.received","data":{"warehouseId":"WH-EAST","sku":"S","quantity":"five"}}""", "does not have the expected shape")]
    public void Read_UnusableBody_ThrowsInvalidData(string body, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => InventoryEventReader.Read(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Body(string type, string data) =>
        Encoding.UTF8.GetBytes($$"""{"specversion":"1.0","id":"e-1","source":"/wms","type":"{{type}}","subject":"x","data":{{data}}}""");
}
