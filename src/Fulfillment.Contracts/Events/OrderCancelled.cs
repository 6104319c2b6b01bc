using System.Text.Json.Serialization;

namespace Fulfillment.Contracts.Events;

/// <summary>Data of <c>fulfillment.order.cancelled</c>; cancellation is final.</summary>
public sealed record OrderCancelled(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("reason")] string Reason);
