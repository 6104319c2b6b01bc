using System.Text.Json.Serialization;

namespace Fulfillment.Contracts.Events;

/// <summary>Data of <c>fulfillment.inventory.adjusted</c>: a count set the on-hand quantity (zero or more).</summary>
public sealed record InventoryAdjusted(
    [property: JsonPropertyName("warehouseId")] string WarehouseId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("onHand")] int OnHand);
