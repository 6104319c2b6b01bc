using Fulfillment.Api.Auth;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts.Carriers;
using Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Operations;

/// <summary>
/// <c>/api/v1/carriers</c> (role <c>ops</c>): each carrier's performance, kept current by its orders' grains. The list
/// comes from the carrier directory grain, then one call per carrier, in parallel.
/// </summary>
public static class CarriersApi
{
    public static IEndpointRouteBuilder MapCarriersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/carriers").WithTags("Operations").RequireAuthorization(ApiKeyRoles.Ops);

        api.MapGet(string.Empty, ListAsync)
            .WithName(ApiEndpointNames.ListCarriers)
            .WithSummary("List carriers with their figures")
            .WithDescription(
                "Every carrier that has had an order, by name: totalOrders (cancelled ones included), delivered, " +
                "onTimeDeliveries and lateDeliveries (delivered by the promise or not), onTimeRatePct over delivered orders, and " +
                "avgPickToPackMinutes and avgLabelToScanMinutes over the orders that report them (two decimals; null when " +
                "there is nothing to average). Updated on every order change, never by scanning orders.");

        api.MapGet("/{carrier}", GetAsync)
            .WithName(ApiEndpointNames.GetCarrier)
            .WithSummary("Get one carrier's figures")
            .WithDescription("One row of GET /api/v1/carriers. 404: no order has had this carrier.");

        return app;
    }

    internal static async Task<Ok<CarrierResponse[]>> ListAsync(IGrainFactory grains)
    {
        var carriers = await grains.GetGrain<ICarrierDirectoryGrain>(ICarrierDirectoryGrain.Key).List();
        var figures = await Task.WhenAll(carriers.Select(c => grains.GetGrain<ICarrierGrain>(c).Get()));
        return TypedResults.Ok(figures.Select(CarrierResponse.From).ToArray());
    }

    internal static async Task<Results<Ok<CarrierResponse>, ProblemHttpResult>> GetAsync(string carrier, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (!Identifier.Carrier.CheckRequired(carrier, "carrier", errors))
        {
            return ApiProblems.Invalid(errors);
        }

        // The directory, not the carrier grain, knows whether a carrier exists: any name activates a grain with zeros.
        var carriers = await grains.GetGrain<ICarrierDirectoryGrain>(ICarrierDirectoryGrain.Key).List();
        if (!carriers.Contains(carrier, StringComparer.Ordinal))
        {
            return ApiProblems.Status(StatusCodes.Status404NotFound, "Carrier not found", $"No order has had carrier '{carrier}'.");
        }

        return TypedResults.Ok(CarrierResponse.From(await grains.GetGrain<ICarrierGrain>(carrier).Get()));
    }
}
