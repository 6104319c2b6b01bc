using Fulfillment.Api.Auth;
using Fulfillment.Api.Json;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.RateLimiting;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Contracts.Reservations;
using Fulfillment.Grains.Sourcing;
using Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Availability;

/// <summary><c>/api/v1/atp</c> (role <c>storefront</c>, rate limited): available-to-promise of one SKU, and of a whole cart with its sourcing.</summary>
public static class AtpApi
{
    public static IEndpointRouteBuilder MapAtpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/atp")
            .WithTags("Available to promise")
            .RequireAuthorization(ApiKeyRoles.Storefront)
            .RequireRateLimiting(StorefrontRateLimiting.PolicyName);

        api.MapGet("/{sku}", GetAsync)
            .WithName(ApiEndpointNames.GetAtp)
            .WithSummary("Available to promise of one SKU")
            .WithDescription(
                "The SKU's network view, answered from memory by its availability grain: available (the sum over warehouses of " +
                "on hand − reserved − safety stock, never negative), canPromise (available ≥ quantity; quantity defaults to 1), " +
                "asOf (when the view last changed) and one row per warehouse stocking it, ordered by warehouse id. An unknown SKU " +
                $"is not an error: available 0, no warehouses. sku: 1 to {Identifier.Sku.MaxLength} {Identifier.AllowedCharacters}; " +
                $"quantity: {IntegerRange.Quantity.Minimum} to {IntegerRange.Quantity.Maximum}.");

        api.MapPost("/check", CheckAsync)
            .WithName(ApiEndpointNames.CheckCart)
            .WithSummary("Check a whole cart")
            .WithDescription(
                $"Available-to-promise and sourcing of up to {CartLines.MaxLines} lines in one call: the availability of every SKU is read " +
                "in parallel (one grain call per SKU), then the sourcing planner picks the warehouses — one that ships every line if " +
                "there is one, else the fewest, nearest to destinationRegion first — and the delivery date that can be promised " +
                "(yyyy-MM-dd). Each SKU may appear once: a repeated SKU is refused (400 naming lines[i].sku), not merged, so the " +
                "answer has exactly one line per request line, in request order. destinationRegion is optional. Nothing is held: " +
                "reserve with POST /api/v1/reservations.");

        return app;
    }

    internal static async Task<Results<Ok<AtpResponse>, ProblemHttpResult>> GetAsync(string sku, string? quantity, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        Identifier.Sku.CheckRequired(sku, "sku", errors);
        var wanted = IntegerRange.Quantity.ParseOptional(quantity, fallback: 1, "quantity", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        var availability = await grains.GetGrain<IAvailabilityGrain>(sku).Get();
        var warehouses = availability.Warehouses
            .OrderBy(w => w.WarehouseId, StringComparer.Ordinal)
            .Select(ToResponse)
            .ToArray();
        return TypedResults.Ok(new AtpResponse(sku, availability.Available, availability.Available >= wanted!.Value, availability.AsOf.ToUniversalTime(), warehouses));
    }

    internal static async Task<Results<Ok<AtpCheckResponse>, ProblemHttpResult>> CheckAsync(
        HttpRequest request, IGrainFactory grains, SourcingPlanner planner, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.AtpCheckRequest, cancellationToken);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var cart = body.Value!;
        var errors = new FieldErrors();
        var lines = CartLines.Validate(cart.Lines, errors);
        Identifier.Region.CheckOptional(cart.DestinationRegion, "destinationRegion", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        var availability = await ReadAvailabilityAsync(grains, lines!);
        var plan = planner.Plan(lines!, availability, cart.DestinationRegion, time.GetUtcNow());
        return TypedResults.Ok(new AtpCheckResponse(
            plan.CanPromiseAll,
            [.. plan.Lines.Select(l => new AtpCheckLineResponse(
                l.Sku, l.Quantity, l.Available, l.CanPromise, [.. l.ShipFrom.Select(s => new ShipFromResponse(s.WarehouseId, s.Quantity))], l.PromisedDeliveryDate))]));
    }

    /// <summary>The network view of each SKU of the lines (distinct, as validated), one grain call per SKU, all in parallel.</summary>
    private static async Task<IReadOnlyDictionary<string, SkuAvailability>> ReadAvailabilityAsync(IGrainFactory grains, IReadOnlyList<CartLine> lines)
    {
        var views = await Task.WhenAll(lines.Select(l => grains.GetGrain<IAvailabilityGrain>(l.Sku).Get()));
        var bySku = new Dictionary<string, SkuAvailability>(lines.Count, StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            bySku[lines[i].Sku] = views[i];
        }

        return bySku;
    }

    private static AtpWarehouseResponse ToResponse(InventoryRow row) =>
        new(row.WarehouseId, row.OnHand, row.Reserved, row.SafetyStock, row.Available, row.Inbound);
}
