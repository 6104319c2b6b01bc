using System.Text.Json.Serialization;
using Fulfillment.Api.Alerts;
using Fulfillment.Api.Availability;
using Fulfillment.Api.Health;
using Fulfillment.Api.Ingestion;
using Fulfillment.Api.Inventory;
using Fulfillment.Api.Operations;
using Fulfillment.Api.Orders;
using Fulfillment.Api.Reservations;
using Fulfillment.Api.Streams;
using Fulfillment.Api.Tracking;

namespace Fulfillment.Api.Json;

/// <summary>
/// Source-generated JSON metadata for every request and response body of the gateway (camelCase, web defaults).
/// Numbers are read strictly: <c>"quantity": "2"</c> is refused as a string, not converted.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(StreamsStatusResponse))]
[JsonSerializable(typeof(DeadLetterListResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(HealthCheckEntry[]))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(AtpResponse))]
[JsonSerializable(typeof(AtpCheckRequest))]
[JsonSerializable(typeof(AtpCheckResponse))]
[JsonSerializable(typeof(PlaceReservationRequest))]
[JsonSerializable(typeof(ConfirmReservationRequest))]
[JsonSerializable(typeof(ReservationResponse))]
[JsonSerializable(typeof(ShortLineResponse[]))]
[JsonSerializable(typeof(SetInventoryRequest))]
[JsonSerializable(typeof(InventoryRowResponse))]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(TrackingResponse))]
[JsonSerializable(typeof(CarrierResponse))]
[JsonSerializable(typeof(CarrierResponse[]))]
[JsonSerializable(typeof(WarehouseResponse))]
[JsonSerializable(typeof(OrderListResponse))]
[JsonSerializable(typeof(AlertResponse))]
[JsonSerializable(typeof(AlertListResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
