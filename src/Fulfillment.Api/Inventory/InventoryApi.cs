using Fulfillment.Api.Auth;
using Fulfillment.Api.Json;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts;
using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Inventory;
using Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Inventory;

/// <summary><c>/api/v1/inventory</c> (role <c>ops</c>): set a warehouse's stock levels of a SKU.</summary>
public static partial class InventoryApi
{
    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/inventory").WithTags("Inventory").RequireAuthorization(ApiKeyRoles.Ops);

        api.MapPut("/{warehouseId}/{sku}", SetAsync)
            .WithName(ApiEndpointNames.SetInventory)
            .WithSummary("Set a warehouse's stock of a SKU")
            .WithDescription(
                "Sets on hand and safety stock (and inbound supply when given; absent leaves it as it is) of the SKU in the " +
                "warehouse, through its inventory grain; the answer waits until the SKU's availability shows the change. Held and " +
                "allocated stock (reserved) is kept. 200 with the ATP row: available = on hand − reserved − safety stock, never " +
                $"negative. Levels are integers from {IntegerRange.StockLevel.Minimum} to {IntegerRange.StockLevel.Maximum}. " +
                "400 names each invalid field; then 404 (errors.warehouseId) when the warehouse is not one of the configured " +
                "warehouses (Fulfillment:Warehouses): a SKU comes into being with its first stock, a warehouse only by configuration.");

        return app;
    }

    internal static async Task<Results<Ok<InventoryRowResponse>, ProblemHttpResult>> SetAsync(
        string warehouseId,
        string sku,
        HttpRequest request,
        IGrainFactory grains,
        KnownWarehouses warehouses,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.SetInventoryRequest, cancellationToken);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var levels = body.Value!;
        var errors = new FieldErrors();
        Identifier.Sku.CheckRequired(sku, "sku", errors);
        IntegerRange.StockLevel.CheckRequired(levels.OnHand, "onHand", errors);
        IntegerRange.StockLevel.CheckRequired(levels.SafetyStock, "safetyStock", errors);
        IntegerRange.StockLevel.CheckOptional(levels.Inbound, "inbound", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        if (!warehouses.Contains(warehouseId))
        {
            return ApiProblems.Field(
                StatusCodes.Status404NotFound,
                "Unknown warehouse",
                "warehouseId",
                $"must be one of the configured warehouses: {string.Join(", ", warehouses.Ids)}",
                $"No warehouse '{warehouseId}' is configured; nothing was changed.");
        }

        var row = await grains.GetGrain<IInventoryGrain>(FulfillmentStreams.InventoryKey(warehouseId, sku))
            .SetLevels(new InventoryLevels(levels.OnHand!.Value, levels.SafetyStock!.Value, levels.Inbound));

        // The inventory grain pushes its rows to the SKU's availability without making requests wait. Operations read
        // their writes: the row is published here too (an older version than the view holds is ignored), so ATP shows
        // the new levels by the time this answer is sent.
        await grains.GetGrain<IAvailabilityGrain>(sku).Publish(row);
        LogSet(loggers.CreateLogger(typeof(InventoryApi).FullName!), warehouseId, sku, row.OnHand, row.Reserved, row.SafetyStock, row.Inbound);
        return TypedResults.Ok(new InventoryRowResponse(row.WarehouseId, row.Sku, row.OnHand, row.Reserved, row.SafetyStock, row.Available, row.Inbound));
    }

    [LoggerMessage(2601, LogLevel.Information, "Inventory of {Sku} in {WarehouseId} set: on hand {OnHand}, reserved {Reserved}, safety stock {SafetyStock}, inbound {Inbound}")]
    private static partial void LogSet(ILogger logger, string warehouseId, string sku, int onHand, int reserved, int safetyStock, int inbound);
}
