using System.Text.Json.Serialization;

namespace Fulfillment.Contracts.Events;

/// <summary>
/// Data of <c>fulfillment.order.stage</c>: a warehouse or carrier reports that an order reached a stage from
/// <c>picked</c> on (see <see cref="Contracts.Stage.Reportable"/>). Carrier, tracking number and a revised promise
/// come with the stages that know them.
/// </summary>
public sealed record OrderStageReached(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("warehouseId")] string WarehouseId,
    [property: JsonPropertyName("carrier")] string? Carrier = null,
    [property: JsonPropertyName("trackingNumber")] string? TrackingNumber = null,
    [property: JsonPropertyName("promisedDeliveryAt")] DateTimeOffset? PromisedDeliveryAt = null);
