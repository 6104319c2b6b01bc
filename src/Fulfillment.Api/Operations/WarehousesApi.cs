using Fulfillment.Api.Auth;
using Fulfillment.Api.Inventory;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts.Warehouses;
using Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Operations;

/// <summary><c>/api/v1/warehouses</c> (role <c>ops</c>): a warehouse's backlog, pick-to-pack percentiles and stuck orders.</summary>
public static class WarehousesApi
{
    public static IEndpointRouteBuilder MapWarehousesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/warehouses")
            .WithTags("Operations")
            .RequireAuthorization(ApiKeyRoles.Ops)
            .MapGet("/{warehouseId}", GetAsync)
            .WithName(ApiEndpointNames.GetWarehouse)
            .WithSummary("Get a warehouse's operations")
            .WithDescription(
                "The warehouse's open orders by current stage (backlog, by stage rank, zero counts left out), pick-to-pack p50 " +
                "and p90 in minutes (nearest rank over the most recent packed orders, pickToPackSamples of them; null without " +
                "samples), and stuckOrders: orders with an open pick_to_pack_stall or label_to_scan_stall alert, oldest first. " +
                "Updated on every order change, never by scanning orders. A configured warehouse always answers (zeros before " +
                "its first order); 404: the warehouse is neither configured nor named by any order.");
        return app;
    }

    internal static async Task<Results<Ok<WarehouseResponse>, ProblemHttpResult>> GetAsync(
        string warehouseId, IGrainFactory grains, KnownWarehouses warehouses)
    {
        var errors = new FieldErrors();
        if (!Identifier.WarehouseId.CheckRequired(warehouseId, "warehouseId", errors))
        {
            return ApiProblems.Invalid(errors);
        }

        var figures = await grains.GetGrain<IWarehouseGrain>(warehouseId).Get();
        if (figures.UpdatedAt is null && !warehouses.Contains(warehouseId))
        {
            return ApiProblems.Field(
                StatusCodes.Status404NotFound,
                "Unknown warehouse",
                "warehouseId",
                $"must be a configured warehouse ({string.Join(", ", warehouses.Ids)}) or one an order reported",
                $"No warehouse '{warehouseId}' is configured or named by an order.");
        }

        return TypedResults.Ok(WarehouseResponse.From(figures));
    }
}
