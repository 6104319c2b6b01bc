using Fulfillment.Api.Auth;
using Fulfillment.Api.Json;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.RateLimiting;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Events;
using Fulfillment.Contracts.Orders;
using Fulfillment.ReadModels;
using Grains;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Orders;

/// <summary>
/// <c>/api/v1/orders</c>: a storefront places an order and reads it back (ops may read it too). Each order is one grain
/// keyed by the client's order id; the same id again answers the order that exists. Operations list orders from the
/// read model (a projection of every order change into SQL), never by scanning grains.
/// </summary>
public static partial class OrdersApi
{
    public const string RoutePrefix = "/api/v1/orders";
    public const int DefaultListLimit = 50;

    private static readonly string[] StageNames = [.. Stage.All.Select(s => s.Name)];

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Orders");

        api.MapPost(string.Empty, PlaceAsync)
            .RequireAuthorization(ApiKeyRoles.Storefront)
            .RequireRateLimiting(StorefrontRateLimiting.PolicyName)
            .WithName(ApiEndpointNames.PlaceOrder)
            .WithSummary("Place an order")
            .WithDescription(
                "Creates the order in stage created: 201 with the order and a Location header. orderId is the idempotency key: " +
                "the same orderId again answers 200 with the order as it is, whatever the body says, and changes nothing. The " +
                "whole body is validated first (400 naming each field: orderId, customerId, lines[i].sku, lines[i].quantity, " +
                "destinationRegion, promisedDeliveryAt as RFC 3339 with an offset, reservationId); each SKU may appear once. " +
                "When payment is confirmed (a fulfillment.order.payment_confirmed event) the order's reservation is confirmed " +
                "for it, or without one its lines are sourced and allocated; the SLA status runs against promisedDeliveryAt.");

        api.MapGet("/{orderId}", GetAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = ApiKeyRoles.StorefrontOrOps })
            .RequireRateLimiting(StorefrontRateLimiting.PolicyName)
            .WithName(ApiEndpointNames.GetOrder)
            .WithSummary("Get an order")
            .WithDescription(
                "The order as its grain holds it now: stage (never moves back; delivered and cancelled are final), warehouse, " +
                "carrier and tracking number once reported, slaStatus (on_track, at_risk, breached), pick-to-pack and " +
                "label-to-scan minutes of event time, updatedAt, and the timeline of every reported step sorted by event time " +
                "(late and out-of-order reports included). 404: no order has this id.");

        api.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(ApiKeyRoles.Ops)
            .WithName(ApiEndpointNames.ListOrders)
            .WithSummary("List orders")
            .WithDescription(
                "Orders from the read model, most recently changed first, without their timelines. Filters, each optional and " +
                $"combined with and: stage (a stage name), slaStatus ({string.Join(", ", SlaStatuses.All)}), warehouseId, carrier; " +
                $"limit {IntegerRange.ListLimit.Minimum} to {IntegerRange.ListLimit.Maximum}, default {DefaultListLimit}. The read " +
                "model follows the orders within milliseconds: a change is listed once its batch is committed.");

        return app;
    }

    internal static async Task<Results<Created<OrderResponse>, Ok<OrderResponse>, ProblemHttpResult>> PlaceAsync(
        HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.PlaceOrderRequest, cancellationToken);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var place = body.Value!;
        var errors = new FieldErrors();
        Identifier.OrderId.CheckRequired(place.OrderId, "orderId", errors);
        Identifier.CustomerId.CheckRequired(place.CustomerId, "customerId", errors);
        var lines = CartLines.Validate(place.Lines, errors);
        Identifier.Region.CheckRequired(place.DestinationRegion, "destinationRegion", errors);
        var promise = Timestamp.CheckRequired(place.PromisedDeliveryAt, "promisedDeliveryAt", errors);
        Identifier.ReservationId.CheckOptional(place.ReservationId, "reservationId", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        var orderId = place.OrderId!;
        var creation = await grains.GetGrain<IOrderGrain>(orderId).Create(new OrderRequest(
            place.CustomerId!,
            [.. lines!.Select(l => new OrderLine(l.Sku, l.Quantity))],
            place.DestinationRegion!,
            promise!.Value,
            place.ReservationId));
        var order = OrderResponse.From(creation.Order);
        if (!creation.Created)
        {
            return TypedResults.Ok(order);
        }

        LogPlaced(loggers.CreateLogger(typeof(OrdersApi).FullName!), orderId, lines!.Count);
        return TypedResults.Created(Location(orderId), order);
    }

    internal static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(string orderId, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (!Identifier.OrderId.CheckRequired(orderId, "orderId", errors))
        {
            return ApiProblems.Invalid(errors);
        }

        return await grains.GetGrain<IOrderGrain>(orderId).Get() is { } view
            ? TypedResults.Ok(OrderResponse.From(view))
            : ApiProblems.Status(StatusCodes.Status404NotFound, "Order not found", $"No order has id '{orderId}'.");
    }

    internal static async Task<Results<Ok<OrderListResponse>, ProblemHttpResult>> ListAsync(
        string? stage, string? slaStatus, string? warehouseId, string? carrier, string? limit, ReadModelQueries readModels, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        OneOf.CheckOptional(stage, StageNames, "stage", errors);
        OneOf.CheckOptional(slaStatus, SlaStatuses.All, "slaStatus", errors);
        Identifier.WarehouseId.CheckOptional(warehouseId, "warehouseId", errors);
        Identifier.Carrier.CheckOptional(carrier, "carrier", errors);
        var take = IntegerRange.ListLimit.ParseOptional(limit, DefaultListLimit, "limit", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        var rows = await readModels.ListOrdersAsync(new OrderFilter(stage, slaStatus, warehouseId, carrier, take!.Value), cancellationToken);
        return TypedResults.Ok(new OrderListResponse([.. rows.Select(OrderSummaryResponse.From)]));
    }

    internal static string Location(string orderId) => $"{RoutePrefix}/{Uri.EscapeDataString(orderId)}";

    [LoggerMessage(2801, LogLevel.Information, "Order {OrderId} placed with {Lines} lines")]
    private static partial void LogPlaced(ILogger logger, string orderId, int lines);
}
