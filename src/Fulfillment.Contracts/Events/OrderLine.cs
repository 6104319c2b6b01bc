using System.Text.Json.Serialization;

namespace Fulfillment.Contracts.Events;

/// <summary>One line of an order: a SKU and a positive quantity.</summary>
public sealed record OrderLine(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("quantity")] int Quantity);
