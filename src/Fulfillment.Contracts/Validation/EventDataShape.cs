using System.Text.Json;

namespace Fulfillment.Contracts.Validation;

/// <summary>
/// Checks the <c>data</c> of an event against the shape its type requires (required fields, types, positive or
/// non-negative quantities, known stages, RFC 3339 times) and derives the stream key the event belongs to. Fields not
/// named here are allowed: producers may add fields before the service reads them.
/// </summary>
public static class EventDataShape
{
    /// <summary>
    /// Validates <paramref name="data"/> as the data of <paramref name="type"/>, adding a <see cref="ShapeError"/> per bad
    /// field (an empty field name means the data as a whole). Returns the stream key — the order id, or
    /// <c>warehouseId/sku</c> — when the data is valid, otherwise null.
    /// </summary>
    public static string? Validate(string type, JsonElement data, ICollection<ShapeError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (data.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ShapeError(string.Empty, "must be a JSON object"));
            return null;
        }

        var before = errors.Count;
        var fields = new DataFields(data, errors);
        var key = type switch
        {
            FulfillmentEventTypes.OrderCreated => OrderCreated(fields, errors),
            FulfillmentEventTypes.OrderPaymentConfirmed => fields.RequiredString("orderId"),
            FulfillmentEventTypes.OrderCancelled => OrderCancelled(fields),
            FulfillmentEventTypes.OrderStage => OrderStage(fields),
            FulfillmentEventTypes.InventoryReceived => Inventory(fields, "quantity", minimum: 1),
            FulfillmentEventTypes.InventoryAdjusted => Inventory(fields, "onHand", minimum: 0),
            _ => throw new ArgumentException($"'{type}' is not a fulfillment event type.", nameof(type)),
        };
        return errors.Count == before ? key : null;
    }

    private static string? OrderCreated(DataFields fields, ICollection<ShapeError> errors)
    {
        var orderId = fields.RequiredString("orderId");
        fields.RequiredString("customerId");
        fields.RequiredString("destinationRegion");
        fields.RequiredTimestamp("promisedDeliveryAt");
        fields.OptionalString("reservationId");
        if (fields.RequiredArray("lines") is { } lines)
        {
            var index = 0;
            foreach (var line in lines.EnumerateArray())
            {
                if (line.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ShapeError($"lines[{index}]", "must be an object with sku and quantity"));
                }
                else
                {
                    var lineFields = new DataFields(line, errors, "lines", index);
                    lineFields.RequiredString("sku");
                    lineFields.RequiredInt("quantity", minimum: 1);
                }

                index++;
            }
        }

        return orderId;
    }

    private static string? OrderCancelled(DataFields fields)
    {
        var orderId = fields.RequiredString("orderId");
        fields.RequiredString("reason");
        return orderId;
    }

    private static string? OrderStage(DataFields fields)
    {
        var orderId = fields.RequiredString("orderId");
        if (fields.RequiredString("stage") is { } name && !(Stage.TryParse(name, out var stage) && stage.IsReportable))
        {
            fields.Report("stage", $"must be one of {string.Join(", ", Stage.Reportable)}");
        }

        WarehouseId(fields);
        fields.OptionalString("carrier");
        fields.OptionalString("trackingNumber");
        fields.OptionalTimestamp("promisedDeliveryAt");
        return orderId;
    }

    private static string? Inventory(DataFields fields, string quantityField, int minimum)
    {
        var warehouseId = WarehouseId(fields);
        var sku = fields.RequiredString("sku");
        fields.RequiredInt(quantityField, minimum);
        return warehouseId is null || sku is null ? null : FulfillmentStreams.InventoryKey(warehouseId, sku);
    }

    private static string? WarehouseId(DataFields fields)
    {
        var warehouseId = fields.RequiredString("warehouseId");
        if (warehouseId is not null && warehouseId.Contains('/', StringComparison.Ordinal))
        {
            // The first '/' of an inventory key separates warehouse and SKU.
            fields.Report("warehouseId", "must not contain '/'");
            return null;
        }

        return warehouseId;
    }
}
