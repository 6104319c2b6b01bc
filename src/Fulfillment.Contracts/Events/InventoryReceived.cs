using System.Text.Json.Serialization;

namespace Fulfillment.Contracts.Events;

/// <summary>Data of <c>fulfillment.inventory.received</c>: a positive quantity arrived at a warehouse.</summary>
public sealed record InventoryReceived(
    [property: JsonPropertyName("warehouseId")] string WarehouseId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity);
