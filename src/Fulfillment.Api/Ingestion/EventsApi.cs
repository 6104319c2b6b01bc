using System.Globalization;
using Fulfillment.Api.Auth;
using Fulfillment.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Ingestion;

/// <summary><c>/api/v1/events</c>: CloudEvents in (role <c>ingest</c>), and the CloudEvents webhook validation handshake.</summary>
public static class EventsApi
{
    private const string WebHookRequestOrigin = "WebHook-Request-Origin";
    private const string WebHookAllowedOrigin = "WebHook-Allowed-Origin";
    private const string WebHookAllowedRate = "WebHook-Allowed-Rate";

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/events").WithTags("Events");

        api.MapPost(string.Empty, IngestAsync)
            .RequireAuthorization(ApiKeyRoles.Ingest)
            .WithName(ApiEndpointNames.IngestEvents)
            .WithSummary("Ingest CloudEvents")
            .WithDescription(
                "Appends CloudEvents 1.0 in structured JSON mode to the durable event log: one event as application/cloudevents+json, " +
                "a batch as application/cloudevents-batch+json (a JSON array), or either as application/json. " +
                "The request is all or nothing: if any event is invalid the answer is 400 with an entry per bad field, keyed by the " +
                "event's index (\"[3].data.quantity\"; a single event is index 0), and nothing is appended. 202 means durably appended. " +
                "An event is identified by source and id together: a repeat is counted in duplicates and changes nothing. " +
                "Types: fulfillment.order.created, .payment_confirmed, .cancelled, .stage, fulfillment.inventory.received, .adjusted; " +
                "time (event time) is required; subject, when present, must be the order id or warehouseId/sku; " +
                "extensions correlationid and causationid are kept.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapMethods(string.Empty, [HttpMethods.Options], Handshake)
            .AllowAnonymous()
            .WithName(ApiEndpointNames.EventsWebHookHandshake)
            .WithSummary("CloudEvents webhook validation handshake")
            .WithDescription(
                "Abuse-protection handshake of the CloudEvents HTTP webhook spec, as Azure Event Grid sends it before delivering: " +
                "an OPTIONS request with WebHook-Request-Origin is answered 200 with WebHook-Allowed-Origin (the origin echoed) " +
                "and WebHook-Allowed-Rate (* unless Ingestion:WebHookAllowedRate is set). Needs no API key; it grants nothing by itself.");

        return app;
    }

    internal static async Task<Results<Accepted<IngestResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request, EventIngestor ingestor, CancellationToken cancellationToken)
    {
        if (request.Headers.ContainsKey("ce-specversion"))
        {
            return Refuse(ingestor, "unsupported_media_type", StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Binary-mode CloudEvents (ce-* headers) are not accepted; send the event in structured mode as application/cloudevents+json.");
        }

        if (CloudEventContentTypes.Classify(request.ContentType, out var refusal) is not { } shape)
        {
            return Refuse(ingestor, "unsupported_media_type", StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", refusal!);
        }

        var limits = ingestor.Options;
        using var body = await RequestBodyReader.ReadAsync(request, (int)limits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Refuse(ingestor, "too_large", StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body is larger than {limits.MaxBodyBytes} bytes; split the batch.");
        }

        var (parsed, appended) = await ingestor.IngestAsync(body.Memory, shape, cancellationToken);
        return parsed.Status switch
        {
            ParseStatus.Parsed => TypedResults.Accepted((string?)null, new IngestResponse(appended!.Appended.Count, appended.Duplicates)),
            ParseStatus.Invalid => TypedResults.ValidationProblem(parsed.Errors, parsed.Detail, title: "Invalid events"),
            ParseStatus.MalformedJson => TypedResults.Problem(
                parsed.Detail,
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed JSON",
                extensions: new Dictionary<string, object?> { ["line"] = parsed.Position!.Value.Line, ["bytePositionInLine"] = parsed.Position.Value.Byte }),
            ParseStatus.TooManyEvents => TypedResults.Problem(parsed.Detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many events"),
            ParseStatus.Empty => TypedResults.Problem(parsed.Detail, statusCode: StatusCodes.Status400BadRequest, title: "Empty batch"),
            _ => TypedResults.Problem(parsed.Detail, statusCode: StatusCodes.Status400BadRequest, title: "Body does not match its content type"),
        };
    }

    internal static Ok Handshake(HttpContext context, IOptions<IngestionOptions> options)
    {
        var response = context.Response;
        response.Headers.Allow = "POST, OPTIONS";
        var origin = context.Request.Headers[WebHookRequestOrigin].ToString();
        var allowed = options.Value.WebHookAllowedOrigins;
        if (origin.Length > 0 && (allowed.Count == 0 || allowed.Contains(origin, StringComparer.OrdinalIgnoreCase)))
        {
            // Consent is the presence of both headers; without them the 200 grants nothing (spec 4.2).
            response.Headers[WebHookAllowedOrigin] = origin;
            response.Headers[WebHookAllowedRate] = options.Value.WebHookAllowedRate is { } rate
                ? rate.ToString(CultureInfo.InvariantCulture)
                : "*";
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult Refuse(EventIngestor ingestor, string outcome, int status, string title, string detail)
    {
        ingestor.Refused(outcome, detail);
        return TypedResults.Problem(detail, statusCode: status, title: title);
    }
}
