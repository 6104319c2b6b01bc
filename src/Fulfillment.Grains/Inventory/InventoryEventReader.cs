using System.Text.Json;
using Fulfillment.Contracts;
using Fulfillment.Grains.Events;

namespace Fulfillment.Grains.Inventory;

/// <summary>
/// Reads the inventory events of the stream (see <see cref="CloudEventReader"/>): received and adjusted quantities,
/// checked again for what the grain relies on.
/// </summary>
internal static class InventoryEventReader
{
    /// <summary>The change the event asks for, or null for an event type the inventory does not handle.</summary>
    public static InventoryChange? Read(ReadOnlyMemory<byte> body) =>
        CloudEventReader.Read<InventoryChange?>(
            body,
            type => type is FulfillmentEventTypes.InventoryReceived or FulfillmentEventTypes.InventoryAdjusted,
            (type, _, data) => type == FulfillmentEventTypes.InventoryReceived ? Received(data) : Adjusted(data));

    private static InventoryChange Received(JsonElement data)
    {
        var received = data.Deserialize(FulfillmentJsonContext.Default.InventoryReceived)
            ?? throw new InvalidDataException("The received event's data is null.");
        if (received.Quantity < 1)
        {
            throw new InvalidDataException($"data.quantity is {received.Quantity}; a received quantity must be at least 1.");
        }

        return new InventoryChange(InventoryChangeKind.Received, KeyOf(received.WarehouseId, received.Sku), received.Quantity);
    }

    private static InventoryChange Adjusted(JsonElement data)
    {
        var adjusted = data.Deserialize(FulfillmentJsonContext.Default.InventoryAdjusted)
            ?? throw new InvalidDataException("The adjusted event's data is null.");
        if (adjusted.OnHand < 0)
        {
            throw new InvalidDataException($"data.onHand is {adjusted.OnHand}; a counted quantity must be zero or more.");
        }

        return new InventoryChange(InventoryChangeKind.Adjusted, KeyOf(adjusted.WarehouseId, adjusted.Sku), adjusted.OnHand);
    }

    private static InventoryKey KeyOf(string? warehouseId, string? sku) =>
        string.IsNullOrEmpty(warehouseId) || string.IsNullOrEmpty(sku)
            ? throw new InvalidDataException("The event's data names no warehouseId or sku.")
            : new InventoryKey(warehouseId, sku);
}
