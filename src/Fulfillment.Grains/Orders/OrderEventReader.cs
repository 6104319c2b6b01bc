using System.Text.Json;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Orders;
using Fulfillment.Contracts.Validation;
using Fulfillment.Grains.Events;

namespace Fulfillment.Grains.Orders;

/// <summary>
/// Reads the order events of the stream (see <see cref="CloudEventReader"/>). The event time is the CloudEvent's
/// <c>time</c>; the gateway requires it, and a body without one falls back to when the log accepted the event.
/// </summary>
internal static class OrderEventReader
{
    /// <summary>The event, or null for a type the order grain does not handle.</summary>
    public static OrderEvent? Read(ReadOnlyMemory<byte> body, DateTimeOffset enqueuedTime) =>
        CloudEventReader.Read(body, IsOrderType, (type, attributes, data) => Interpret(type, TimeOf(attributes, enqueuedTime), data));

    private static bool IsOrderType(string type) =>
        string.Equals(FulfillmentEventTypes.StreamNamespaceOf(type), FulfillmentStreams.Orders, StringComparison.Ordinal);

    private static OrderEvent Interpret(string type, DateTimeOffset time, JsonElement data) => type switch
    {
        FulfillmentEventTypes.OrderCreated => Created(time, data),
        FulfillmentEventTypes.OrderStage => StageReached(time, data),
        FulfillmentEventTypes.OrderPaymentConfirmed => new OrderEvent(type, OrderIdOf(data.Deserialize(FulfillmentJsonContext.Default.OrderPaymentConfirmed)?.OrderId), time),
        _ => new OrderEvent(type, OrderIdOf(data.Deserialize(FulfillmentJsonContext.Default.OrderCancelled)?.OrderId), time),
    };

    private static OrderEvent Created(DateTimeOffset time, JsonElement data)
    {
        var created = data.Deserialize(FulfillmentJsonContext.Default.OrderCreated)
            ?? throw new InvalidDataException("The created event's data is null.");
        var request = new OrderRequest(created.CustomerId, created.Lines, created.DestinationRegion, created.PromisedDeliveryAt, created.ReservationId);
        try
        {
            OrderRules.Validate(request);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"The created event's data is not an order: {error.Message}", error);
        }

        return new OrderEvent(FulfillmentEventTypes.OrderCreated, OrderIdOf(created.OrderId), time, Creation: request);
    }

    private static OrderEvent StageReached(DateTimeOffset time, JsonElement data)
    {
        var report = data.Deserialize(FulfillmentJsonContext.Default.OrderStageReached)
            ?? throw new InvalidDataException("The stage event's data is null.");
        if (!Stage.TryParse(report.Stage, out var stage) || !stage.IsReportable)
        {
            throw new InvalidDataException($"data.stage is '{report.Stage}'; a stage event reports one of {string.Join(", ", Stage.Reportable)}.");
        }

        if (string.IsNullOrWhiteSpace(report.WarehouseId))
        {
            throw new InvalidDataException("The stage event's data names no warehouseId.");
        }

        return new OrderEvent(FulfillmentEventTypes.OrderStage, OrderIdOf(report.OrderId), time, StageReport: report, Stage: stage);
    }

    private static DateTimeOffset TimeOf(JsonElement attributes, DateTimeOffset enqueuedTime)
    {
        if (!attributes.TryGetProperty("time", out var time) || time.ValueKind == JsonValueKind.Null)
        {
            return enqueuedTime;
        }

        return time.ValueKind == JsonValueKind.String && Rfc3339.TryParse(time.GetString(), out var at)
            ? at
            : throw new InvalidDataException($"The event's time '{time}' is not an RFC 3339 timestamp.");
    }

    private static string OrderIdOf(string? orderId) =>
        string.IsNullOrWhiteSpace(orderId) ? throw new InvalidDataException("The event's data names no orderId.") : orderId;
}
