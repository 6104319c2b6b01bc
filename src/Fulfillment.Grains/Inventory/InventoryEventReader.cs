using System.Text.Json;
using Fulfillment.Contracts;

namespace Fulfillment.Grains.Inventory;

/// <summary>
/// Reads the inventory events of the stream: a CloudEvent in its canonical JSON form (attributes, then <c>data</c>).
/// The gateway validated the shape on the way in; the grain checks again what it relies on, and a body it cannot use
/// fails with <see cref="InvalidDataException"/> (retried, then dead-lettered with the reason).
/// </summary>
internal static class InventoryEventReader
{
    /// <summary>The change the event asks for, or null for an event type the inventory does not handle.</summary>
    public static InventoryChange? Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The event body is not JSON: {error.Message}", error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException("The event has no 'type' attribute.");
            }

            var type = typeElement.GetString();
            if (type is not (FulfillmentEventTypes.InventoryReceived or FulfillmentEventTypes.InventoryAdjusted))
            {
                return null;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"The {type} event has no 'data' object.");
            }

            try
            {
                return type == FulfillmentEventTypes.InventoryReceived ? Received(data) : Adjusted(data);
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"The {type} event's data does not have the expected shape: {error.Message}", error);
            }
        }
    }

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
