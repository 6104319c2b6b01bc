using System.Globalization;
using System.Text.Json.Nodes;
using Fulfillment.Api.Availability;
using Fulfillment.Api.Inventory;
using Fulfillment.Api.Reservations;
using Fulfillment.Api.Validation;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fulfillment.Api.OpenApi;

/// <summary>
/// Documents the available-to-promise, reservation and inventory operations: their request bodies (read by the handlers,
/// not bound), every answer with an example, the <c>quantity</c> query parameter as the integer it is, and the 429 with
/// Retry-After of rate-limited routes.
/// </summary>
internal sealed class AvailabilityExamplesFilter : IOperationFilter
{
    private const string Json = OperationDocs.Json;
    private const string Problem = ProblemResponses.ProblemJson;
    private const string Invalid400 = "A field is invalid (errors names each one) or the body is malformed JSON; nothing was changed.";
    private const string NotJson415 = "The body is not sent as application/json.";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        switch (operation.OperationId)
        {
            case ApiEndpointNames.GetAtp:
                QuantityParameter(operation);
                OperationDocs.Response(operation, "200", "The SKU's available-to-promise (an unknown SKU: available 0, no warehouses).", Json, AvailabilityExamples.Atp);
                OperationDocs.Response(operation, "400", "sku or quantity is invalid.", Problem, AvailabilityExamples.InvalidAtpQuery);
                break;
            case ApiEndpointNames.CheckCart:
                OperationDocs.JsonRequestBody(operation, context, typeof(AtpCheckRequest), $"The cart: 1 to {CartLines.MaxLines} lines, each SKU once; destinationRegion optional.", AvailabilityExamples.CartCheck);
                OperationDocs.Response(operation, "200", "Each line's availability and sourcing, in request order.", Json, AvailabilityExamples.CartChecked);
                OperationDocs.Response(operation, "400", Invalid400, Problem, AvailabilityExamples.InvalidCart);
                OperationDocs.Response(operation, "415", NotJson415, Problem, AvailabilityExamples.UnsupportedMediaType);
                break;
            case ApiEndpointNames.PlaceReservation:
                OperationDocs.JsonRequestBody(operation, context, typeof(PlaceReservationRequest), "The reservation id (idempotency key), the lines, ttlSeconds (default 900) and destinationRegion (optional).", AvailabilityExamples.PlaceReservation);
                OperationDocs.Response(
                    operation, "201", "Every line is held until expiresAt (or was already, by this id). Location names the reservation.", Json, AvailabilityExamples.Held,
                    OperationDocs.Header("Location", "/api/v1/reservations/{id}", JsonSchemaType.String));
                OperationDocs.Response(operation, "400", Invalid400, Problem, AvailabilityExamples.InvalidReservation);
                OperationDocs.Response(operation, "409", "Some line cannot be held (shortLines); nothing is held. Or the id names a reservation released or expired since.", Problem, AvailabilityExamples.Short);
                OperationDocs.Response(operation, "415", NotJson415, Problem, AvailabilityExamples.UnsupportedMediaType);
                break;
            case ApiEndpointNames.ConfirmReservation:
                OperationDocs.JsonRequestBody(operation, context, typeof(ConfirmReservationRequest), "The order the reservation is confirmed for.", AvailabilityExamples.ConfirmReservation);
                OperationDocs.Response(operation, "200", "Confirmed: the holds are allocations with no expiry.", Json, AvailabilityExamples.Confirmed);
                OperationDocs.Response(operation, "400", "orderId or id is invalid, or the body is malformed JSON.", Problem, AvailabilityExamples.InvalidConfirmation);
                OperationDocs.Response(operation, "404", "No reservation has this id.", Problem, AvailabilityExamples.ReservationNotFound);
                OperationDocs.Response(operation, "409", "The reservation expired (its stock was returned), or cannot be confirmed in its state (released, or confirmed for another order).", Problem, AvailabilityExamples.Expired);
                OperationDocs.Response(operation, "415", NotJson415, Problem, AvailabilityExamples.UnsupportedMediaType);
                break;
            case ApiEndpointNames.ReleaseReservation:
                OperationDocs.Response(operation, "204", "Released; the stock is available again.", null, null);
                OperationDocs.Response(operation, "400", "id is invalid.", Problem, AvailabilityExamples.InvalidReservationId);
                OperationDocs.Response(operation, "404", "No reservation has this id.", Problem, AvailabilityExamples.ReservationNotFound);
                OperationDocs.Response(operation, "409", "The reservation cannot be released in its state.", Problem, AvailabilityExamples.ReservationConflict);
                break;
            case ApiEndpointNames.GetReservation:
                OperationDocs.Response(operation, "200", "The reservation.", Json, AvailabilityExamples.Held);
                OperationDocs.Response(operation, "400", "id is invalid.", Problem, AvailabilityExamples.InvalidReservationId);
                OperationDocs.Response(operation, "404", "No reservation has this id.", Problem, AvailabilityExamples.ReservationNotFound);
                break;
            case ApiEndpointNames.SetInventory:
                OperationDocs.JsonRequestBody(operation, context, typeof(SetInventoryRequest), "onHand and safetyStock (required) and inbound (optional), integers of 0 or more.", AvailabilityExamples.SetInventory);
                OperationDocs.Response(operation, "200", "The warehouse's ATP row after the change.", Json, AvailabilityExamples.InventoryRow);
                OperationDocs.Response(operation, "400", Invalid400, Problem, AvailabilityExamples.InvalidInventory);
                OperationDocs.Response(operation, "404", "The warehouse is not configured (errors.warehouseId); nothing was changed.", Problem, AvailabilityExamples.UnknownWarehouse);
                OperationDocs.Response(operation, "415", NotJson415, Problem, AvailabilityExamples.UnsupportedMediaType);
                break;
            default:
                return;
        }

        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            OperationDocs.Response(
                operation, "429", "The API key's storefront rate limit is spent (RateLimiting:Storefront); retry after Retry-After seconds.", Problem, AvailabilityExamples.TooManyRequests,
                OperationDocs.Header("Retry-After", "Seconds to wait before retrying.", JsonSchemaType.Integer));
        }
    }

    /// <summary>The handler reads quantity as text to name it in a 400; the document shows the integer it must be.</summary>
    private static void QuantityParameter(OpenApiOperation operation)
    {
        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "quantity") is not { } quantity)
        {
            return;
        }

        quantity.Description = "The quantity to promise; canPromise is available ≥ quantity. Default 1.";
        quantity.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = IntegerRange.Quantity.Minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = IntegerRange.Quantity.Maximum.ToString(CultureInfo.InvariantCulture),
            Default = JsonValue.Create(1),
        };
    }
}
