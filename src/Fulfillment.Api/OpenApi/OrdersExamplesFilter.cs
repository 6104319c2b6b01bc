using System.Text.Json.Nodes;
using Fulfillment.Api.Orders;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fulfillment.Api.OpenApi;

/// <summary>
/// Documents the order, tracking, carrier, warehouse and alert operations: the order request body (read by the handler,
/// not bound), every answer with an example, and the alert stream as <c>text/event-stream</c>.
/// </summary>
internal sealed class OrdersExamplesFilter : IOperationFilter
{
    public const string EventStream = "text/event-stream";

    private const string Json = OperationDocs.Json;
    private const string Problem = ProblemResponses.ProblemJson;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        switch (operation.OperationId)
        {
            case ApiEndpointNames.PlaceOrder:
                OperationDocs.JsonRequestBody(operation, context, typeof(PlaceOrderRequest), "The order: its id (idempotency key), customer, lines (each SKU once), destination region, promised delivery time and optional reservation.", OrdersExamples.PlaceOrder);
                OperationDocs.Response(operation, "201", "Created. Location names the order.", Json, OrdersExamples.Placed, OperationDocs.Header("Location", "/api/v1/orders/{orderId}", JsonSchemaType.String));
                OperationDocs.Response(operation, "200", "An order with this id exists already: it is answered as it is; nothing changed.", Json, OrdersExamples.Order);
                OperationDocs.Response(operation, "400", "A field is invalid (errors names each one) or the body is malformed JSON; nothing was changed.", Problem, OrdersExamples.InvalidOrder);
                OperationDocs.Response(operation, "415", "The body is not sent as application/json.", Problem, AvailabilityExamples.UnsupportedMediaType);
                OperationDocs.Response(operation, "429", "The API key's storefront rate limit is spent; retry after Retry-After seconds.", Problem, AvailabilityExamples.TooManyRequests);
                break;
            case ApiEndpointNames.GetOrder:
                OperationDocs.Response(operation, "200", "The order.", Json, OrdersExamples.Order);
                OperationDocs.Response(operation, "400", "orderId is invalid.", Problem, OrdersExamples.InvalidOrderId);
                OperationDocs.Response(operation, "404", "No order has this id.", Problem, OrdersExamples.OrderNotFound);
                OperationDocs.Response(operation, "429", "The API key's storefront rate limit is spent; retry after Retry-After seconds.", Problem, AvailabilityExamples.TooManyRequests);
                break;
            case ApiEndpointNames.GetTracking:
                OperationDocs.Response(operation, "200", "The shipment, without customer data.", Json, OrdersExamples.Tracking);
                OperationDocs.Response(operation, "400", "trackingNumber is invalid.", Problem, OrdersExamples.InvalidTrackingNumber);
                OperationDocs.Response(operation, "404", "No order has reported this tracking number.", Problem, OrdersExamples.TrackingNotFound);
                break;
            case ApiEndpointNames.ListCarriers:
                OperationDocs.Response(operation, "200", "Every carrier with its figures, by name.", Json, OrdersExamples.Carriers);
                break;
            case ApiEndpointNames.GetCarrier:
                OperationDocs.Response(operation, "200", "The carrier's figures.", Json, OrdersExamples.Carrier);
                OperationDocs.Response(operation, "400", "carrier is invalid.", Problem, OrdersExamples.InvalidCarrier);
                OperationDocs.Response(operation, "404", "No order has had this carrier.", Problem, OrdersExamples.CarrierNotFound);
                break;
            case ApiEndpointNames.GetWarehouse:
                OperationDocs.Response(operation, "200", "The warehouse's backlog, pick-to-pack percentiles and stuck orders.", Json, OrdersExamples.Warehouse);
                OperationDocs.Response(operation, "400", "warehouseId is invalid.", Problem, OrdersExamples.InvalidWarehouseId);
                OperationDocs.Response(operation, "404", "The warehouse is neither configured nor named by any order (errors.warehouseId).", Problem, OrdersExamples.UnknownWarehouse);
                break;
            case ApiEndpointNames.ListOrders:
                OperationDocs.Response(operation, "200", "The matching orders from the read model, most recently changed first.", Json, OrdersExamples.OrderList);
                OperationDocs.Response(operation, "400", "A filter or limit is invalid (errors names each one).", Problem, OrdersExamples.InvalidOrderFilter);
                break;
            case ApiEndpointNames.ListAlerts:
                OperationDocs.Response(operation, "200", "The matching alerts from the read model, most recently raised first.", Json, OrdersExamples.AlertList);
                OperationDocs.Response(operation, "400", "status or limit is invalid.", Problem, OrdersExamples.InvalidAlertFilter);
                break;
            case ApiEndpointNames.StreamAlerts:
                operation.Responses ??= [];
                operation.Responses["200"] = new OpenApiResponse
                {
                    Description = "Server-sent events: one data: line of alert JSON per change, each with an id: (resume with Last-Event-ID); comment lines as heartbeats.",
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        [EventStream] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(OrdersExamples.AlertStream) },
                    },
                };
                OperationDocs.Response(operation, "400", "Last-Event-ID is not a non-negative integer.", Problem, OrdersExamples.InvalidAlertFilter);
                break;
        }
    }
}
