using System.Globalization;
using Fulfillment.Api.Auth;
using Fulfillment.Api.OpenApi;
using Fulfillment.Api.Problems;
using Fulfillment.Api.Validation;
using Fulfillment.Contracts.Orders;
using Fulfillment.ReadModels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Alerts;

/// <summary><c>/api/v1/alerts</c> (role <c>ops</c>): SLA alerts from the read model, as a list and as a live stream of server-sent events.</summary>
public static class AlertsApi
{
    public const string LastEventIdHeader = "Last-Event-ID";

    private static readonly string[] Statuses = [AlertStatuses.Open, AlertStatuses.Resolved];

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization(ApiKeyRoles.Ops);

        api.MapGet(string.Empty, ListAsync)
            .WithName(ApiEndpointNames.ListAlerts)
            .WithSummary("List SLA alerts")
            .WithDescription(
                $"Alerts from the read model, most recently raised first: kinds {string.Join(", ", AlertKinds.All)}; status open " +
                "while its rule holds, resolved (with resolvedAt, never deleted) once the late event came, the stage moved past it " +
                $"or the order completed. status: {string.Join(" or ", Statuses)} (optional); limit {IntegerRange.ListLimit.Minimum} " +
                $"to {IntegerRange.ListLimit.Maximum}, default {DefaultLimit}. One alert per order and kind (alertId " +
                "{orderId}:{kind}); a rule that holds again reopens it.");

        api.MapGet("/stream", StreamAsync)
            .WithName(ApiEndpointNames.StreamAlerts)
            .WithSummary("Follow SLA alerts live (server-sent events)")
            .WithDescription(
                "text/event-stream of the same items as GET /api/v1/alerts: first a ': connected' comment, then every open alert " +
                "(or, when the request carries Last-Event-ID, every alert changed since that event), then each alert change as it " +
                "is committed to the read model — 'id: {sequence}' and one 'data:' line of alert JSON per change, in commit order. " +
                "A ': heartbeat' comment goes out every interval (ReadModel:HeartbeatInterval). Reconnect with " +
                "Last-Event-ID to miss nothing.");

        return app;
    }

    public const int DefaultLimit = 50;

    internal static async Task<Results<Ok<AlertListResponse>, ProblemHttpResult>> ListAsync(
        string? status, string? limit, ReadModelQueries readModels, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        OneOf.CheckOptional(status, Statuses, "status", errors);
        var take = IntegerRange.ListLimit.ParseOptional(limit, DefaultLimit, "limit", errors);
        if (errors.HasAny)
        {
            return ApiProblems.Invalid(errors);
        }

        var rows = await readModels.ListAlertsAsync(new AlertFilter(status, take!.Value), cancellationToken);
        return TypedResults.Ok(new AlertListResponse([.. rows.Select(AlertResponse.From)]));
    }

    internal static async Task<IResult> StreamAsync(
        HttpContext context, ReadModelQueries readModels, TimeProvider time, IOptions<ReadModelOptions> options, CancellationToken cancellationToken)
    {
        long? lastEventId = null;
        if (context.Request.Headers[LastEventIdHeader] is { Count: > 0 } header)
        {
            if (!long.TryParse(header.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                var errors = new FieldErrors();
                errors.Add(LastEventIdHeader, "must be a non-negative integer: the id of the last event received");
                return ApiProblems.Invalid(errors);
            }

            lastEventId = after;
        }

        try
        {
            await new AlertEventStream(context.Response, readModels, time, options.Value.HeartbeatInterval).RunAsync(lastEventId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }

        return TypedResults.Empty;
    }
}
