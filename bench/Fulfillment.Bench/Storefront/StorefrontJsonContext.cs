using System.Text.Json;
using System.Text.Json.Serialization;
using Fulfillment.Api.Availability;
using Fulfillment.Api.Inventory;
using Fulfillment.Api.Reservations;

namespace Fulfillment.Bench.Storefront;

/// <summary>The service's own request and response types of the storefront and inventory routes, without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AtpResponse))]
[JsonSerializable(typeof(SetInventoryRequest))]
[JsonSerializable(typeof(PlaceReservationRequest))]
internal sealed partial class StorefrontJsonContext : JsonSerializerContext;
