using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts.Tracking;
using Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Tracking;

/// <summary><c>/api/v1/tracking</c> (public, no key): a shipment by its tracking number, without customer data.</summary>
public static class TrackingApi
{
    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/tracking")
            .WithTags("Tracking")
            .AllowAnonymous()
            .MapGet("/{trackingNumber}", GetAsync)
            .WithName(ApiEndpointNames.GetTracking)
            .WithSummary("Track a shipment")
            .WithDescription(
                "Public: needs no API key. The shipment's order as its tracking grain last heard it from the order — the shape " +
                "of GET /api/v1/orders/{orderId} without customerId: stage, warehouse, carrier, promise, SLA status, durations " +
                "and timeline. It follows the order on every change once the order has reported this tracking number. " +
                "404: no order has reported this number.");
        return app;
    }

    internal static async Task<Results<Ok<TrackingResponse>, ProblemHttpResult>> GetAsync(string trackingNumber, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (!Identifier.TrackingNumber.CheckRequired(trackingNumber, "trackingNumber", errors))
        {
            return ApiProblems.Invalid(errors);
        }

        return await grains.GetGrain<ITrackingGrain>(trackingNumber).Get() is { } view
            ? TypedResults.Ok(TrackingResponse.From(view))
            : ApiProblems.Status(StatusCodes.Status404NotFound, "Tracking number not found", $"No shipment has tracking number '{trackingNumber}'.");
    }
}
