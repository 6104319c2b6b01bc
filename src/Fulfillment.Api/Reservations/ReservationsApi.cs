using System.Globalization;
using Fulfillment.Api.Auth;
using Fulfillment.Api.Json;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.RateLimiting;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts.Reservations;
using Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fulfillment.Api.Reservations;

/// <summary>
/// <c>/api/v1/reservations</c> (role <c>storefront</c>, rate limited): hold a cart's stock for a while, confirm it for an
/// order, release it. Each reservation is one grain keyed by the client's reservation id, which holds every line or none.
/// </summary>
public static partial class ReservationsApi
{
    public const string RoutePrefix = "/api/v1/reservations";
    public const int DefaultTtlSeconds = 900;

    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix)
            .WithTags("Reservations")
            .RequireAuthorization(ApiKeyRoles.Storefront)
            .RequireRateLimiting(StorefrontRateLimiting.PolicyName);

        api.MapPost(string.Empty, PlaceAsync)
            .WithName(ApiEndpointNames.PlaceReservation)
            .WithSummary("Hold a cart's stock")
            .WithDescription(
                "Sources the lines (as the cart check does) and holds each in its warehouse until expiresAt = now + ttlSeconds " +
                $"(default {DefaultTtlSeconds}, allowed {IntegerRange.TtlSeconds.Minimum} to {IntegerRange.TtlSeconds.Maximum}). Every line is " +
                "held or none is: 201 with the held lines per warehouse and a Location header, or 409 with shortLines (sku, " +
                "requested, available) and nothing held. reservationId is the idempotency key: the same id again returns the same " +
                "outcome and holds nothing twice. The whole body is validated before anything is held (400 naming each field, such " +
                "as lines[2].quantity); each SKU may appear once. A held reservation neither confirmed nor released returns its " +
                "stock when it expires.");

        api.MapPost("/{id}/confirm", ConfirmAsync)
            .WithName(ApiEndpointNames.ConfirmReservation)
            .WithSummary("Confirm a held reservation for an order")
            .WithDescription(
                "Turns the holds into allocations for orderId, with no expiry: 200 with status confirmed and no expiresAt. " +
                "Confirming again for the same order answers the same. 404: no reservation has this id. 409: it expired first, " +
                "or it cannot be confirmed in its state (released, or confirmed for another order); the detail says which.");

        api.MapDelete("/{id}", ReleaseAsync)
            .WithName(ApiEndpointNames.ReleaseReservation)
            .WithSummary("Release a reservation")
            .WithDescription(
                "Releases the reservation: its stock is available again at once (204). Releasing one already released, or " +
                "expired (its stock is back already; GET still shows expired), is 204 too. 404: no reservation has this id. " +
                "409: the reservation cannot be released in its state; the detail says why.");

        api.MapGet("/{id}", GetAsync)
            .WithName(ApiEndpointNames.GetReservation)
            .WithSummary("Get a reservation")
            .WithDescription(
                "The reservation with its status — held, confirmed, released or expired — its lines per warehouse, expiresAt " +
                "while it has one, and orderId once confirmed. 404: no reservation has this id.");

        return app;
    }

    internal static async Task<Results<Created<ReservationResponse>, ProblemHttpResult>> PlaceAsync(
        HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.PlaceReservationRequest, cancellationToken);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var place = body.Value!;
        var errors = new FieldErrors();
        Identifier.ReservationId.CheckRequired(place.ReservationId, "reservationId", errors);
        var lines = CartLines.Validate(place.Lines, errors);
        IntegerRange.TtlSeconds.CheckOptional(place.TtlSeconds, "ttlSeconds", errors);
        Identifier.Region.CheckOptional(place.DestinationRegion, "destinationRegion", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        var id = place.ReservationId!;
        var result = await grains.GetGrain<IReservationGrain>(id)
            .Place(new ReservationRequest(lines!, place.TtlSeconds ?? DefaultTtlSeconds, place.DestinationRegion));
        switch (result.Outcome)
        {
            case ReservationOutcome.Held or ReservationOutcome.Confirmed when result.Reservation is { } reservation:
                return TypedResults.Created(Location(id), ToResponse(reservation));
            case ReservationOutcome.Short:
                var shortLines = result.ShortLines.Select(s => new ShortLineResponse(s.Sku, s.Requested, s.Available)).ToArray();
                LogShort(Logger(loggers), id, shortLines.Length, lines!.Count);
                return ApiProblems.Status(
                    StatusCodes.Status409Conflict,
                    "Insufficient stock",
                    $"{shortLines.Length} of {lines!.Count} lines cannot be held; nothing is held.",
                    new Dictionary<string, object?> { ["shortLines"] = shortLines });
            default:
                return Refusal(id, result);
        }
    }

    internal static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> ConfirmAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.ConfirmReservationRequest, cancellationToken);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrors();
        Identifier.ReservationId.CheckRequired(id, "id", errors);
        Identifier.OrderId.CheckRequired(body.Value!.OrderId, "orderId", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        var result = await grains.GetGrain<IReservationGrain>(id).Confirm(body.Value.OrderId!);
        return result is { Outcome: ReservationOutcome.Confirmed, Reservation: { } reservation }
            ? TypedResults.Ok(ToResponse(reservation))
            : Refusal(id, result);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(string id, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (!Identifier.ReservationId.CheckRequired(id, "id", errors))
        {
            return ApiProblems.Invalid(errors);
        }

        // An expired reservation's stock is back already (the grain makes that immediate too): released either way.
        var result = await grains.GetGrain<IReservationGrain>(id).Release();
        return result.Outcome is ReservationOutcome.Released or ReservationOutcome.Expired ? TypedResults.NoContent() : Refusal(id, result);
    }

    internal static async Task<Results<Ok<ReservationResponse>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (!Identifier.ReservationId.CheckRequired(id, "id", errors))
        {
            return ApiProblems.Invalid(errors);
        }

        return await grains.GetGrain<IReservationGrain>(id).Get() is { } reservation
            ? TypedResults.Ok(ToResponse(reservation))
            : NotFound(id);
    }

    internal static string Location(string reservationId) => $"{RoutePrefix}/{Uri.EscapeDataString(reservationId)}";

    private static ReservationResponse ToResponse(ReservationView view) => new(
        view.ReservationId,
        ReservationStatusNames.Of(view.Status),
        view.Status == ReservationStatus.Confirmed ? null : view.ExpiresAt?.ToUniversalTime(),
        [.. view.Lines.Select(l => new ReservationLineResponse(l.Sku, l.Quantity, l.WarehouseId))],
        view.OrderId);

    /// <summary>An outcome that is not the operation's success, as its problem: 404 for an unknown id, 409 otherwise.</summary>
    private static ProblemHttpResult Refusal(string reservationId, ReservationResult result)
    {
        var status = result.Reservation is { } reservation ? $" It is {ReservationStatusNames.Of(reservation.Status)}." : string.Empty;
        return result.Outcome switch
        {
            ReservationOutcome.NotFound => NotFound(reservationId),
            ReservationOutcome.Expired => ApiProblems.Status(
                StatusCodes.Status409Conflict,
                "Reservation expired",
                result.Detail ?? $"Reservation '{reservationId}' expired{(result.Reservation?.ExpiresAt is { } at ? $" at {Iso(at)}" : string.Empty)}; its stock was returned."),
            _ => ApiProblems.Status(
                StatusCodes.Status409Conflict,
                "Reservation conflict",
                result.Detail ?? $"The operation does not apply to reservation '{reservationId}' in its state.{status}"),
        };
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ProblemHttpResult NotFound(string reservationId) =>
        ApiProblems.Status(StatusCodes.Status404NotFound, "Reservation not found", $"No reservation has id '{reservationId}'.");

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(ReservationsApi).FullName!);

    [LoggerMessage(2501, LogLevel.Information, "Reservation {ReservationId} refused: {ShortLines} of {Lines} lines short")]
    private static partial void LogShort(ILogger logger, string reservationId, int shortLines, int lines);
}
