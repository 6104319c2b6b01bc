using System.Text.Json;
using System.Text.Json.Serialization;
using Fulfillment.Contracts.Events;

namespace Fulfillment.Contracts;

/// <summary>Source-generated JSON metadata for the event data records (camelCase, as on the wire).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrderCreated))]
[JsonSerializable(typeof(OrderPaymentConfirmed))]
[JsonSerializable(typeof(OrderCancelled))]
[JsonSerializable(typeof(OrderStageReached))]
[JsonSerializable(typeof(InventoryReceived))]
[JsonSerializable(typeof(InventoryAdjusted))]
public sealed partial class FulfillmentJsonContext : JsonSerializerContext;
