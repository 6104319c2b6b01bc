using System.Text.Json.Serialization;

namespace Fulfillment.Contracts.Events;

/// <summary>Data of <c>fulfillment.order.payment_confirmed</c>.</summary>
public sealed record OrderPaymentConfirmed(
    [property: JsonPropertyName("orderId")] string OrderId);
