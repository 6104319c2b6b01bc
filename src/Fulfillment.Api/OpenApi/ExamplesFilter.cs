using System.Text.Json.Nodes;
using Fulfillment.Api.Ingestion;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fulfillment.Api.OpenApi;

/// <summary>Adds request and response examples (and the webhook headers) to operations, by operation id.</summary>
internal sealed class ExamplesFilter : IOperationFilter
{
    private const string Json = OperationDocs.Json;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        switch (operation.OperationId)
        {
            case ApiEndpointNames.IngestEvents:
                EventsRequestBody(operation, context);
                OperationDocs.Response(operation, "202", "Every event is durably appended (or was already there).", Json, ApiExamples.Accepted);
                OperationDocs.Response(operation, "400", "Invalid events, malformed JSON, an empty batch, or a body that does not match its content type; nothing was appended.", ProblemResponses.ProblemJson, ApiExamples.InvalidEvents);
                OperationDocs.Response(operation, "413", "The body or the batch is larger than the configured limit.", ProblemResponses.ProblemJson, ApiExamples.TooLarge);
                OperationDocs.Response(operation, "415", "Not a CloudEvents JSON content type.", ProblemResponses.ProblemJson, ApiExamples.UnsupportedMediaType);
                break;
            case ApiEndpointNames.EventsWebHookHandshake:
                Handshake(operation);
                break;
            case ApiEndpointNames.GetStreams:
                OperationDocs.Response(operation, "200", "Consumption status.", Json, ApiExamples.Streams);
                break;
            case ApiEndpointNames.ListDeadLetters:
                OperationDocs.Response(operation, "200", "Dead letters, oldest first.", Json, ApiExamples.DeadLetters);
                OperationDocs.Response(operation, "400", "limit out of range.", ProblemResponses.ProblemJson, ApiExamples.InvalidLimit);
                break;
            case ApiEndpointNames.ReplayDeadLetter:
                OperationDocs.Response(operation, "204", "The grain took the event; the dead letter is removed.", null, null);
                OperationDocs.Response(operation, "404", "No dead letter has this id.", ProblemResponses.ProblemJson, ApiExamples.DeadLetterNotFound);
                OperationDocs.Response(operation, "502", "The grain failed again; the dead letter stays.", ProblemResponses.ProblemJson, ApiExamples.ReplayFailed);
                break;
            default:
                if (operation.OperationId is "HealthLive" or "HealthReady")
                {
                    OperationDocs.Response(operation, "200", "Healthy (or degraded).", Json, ApiExamples.Healthy);
                    OperationDocs.Response(operation, "503", "Not ready: a check failed.", ProblemResponses.ProblemJson, ApiExamples.NotReady);
                }

                break;
        }
    }

    /// <summary>
    /// The events body is read by the handler, not bound (declaring it with Accepts would let routing answer a wrong
    /// content type with a bare 415 before the handler can explain), so it is described here.
    /// </summary>
    private static void EventsRequestBody(OpenApiOperation operation, OperationFilterContext context)
    {
        var single = context.SchemaGenerator.GenerateSchema(typeof(CloudEventDocument), context.SchemaRepository);
        var batch = new OpenApiSchema { Type = JsonSchemaType.Array, Items = single };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One CloudEvent (a JSON object) or a batch (a JSON array of them), in structured mode.",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [CloudEventContentTypes.Single] = new OpenApiMediaType { Schema = single, Example = JsonNode.Parse(ApiExamples.SingleEvent) },
                [CloudEventContentTypes.Batch] = new OpenApiMediaType { Schema = batch, Example = JsonNode.Parse(ApiExamples.Batch) },
                [CloudEventContentTypes.Json] = new OpenApiMediaType { Schema = single, Example = JsonNode.Parse(ApiExamples.SingleEvent) },
            },
        };
    }

    private static void Handshake(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "WebHook-Request-Origin",
            In = ParameterLocation.Header,
            Description = "The sending system's DNS name, such as eventgrid.azure.net.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create("eventgrid.azure.net"),
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "WebHook-Request-Rate",
            In = ParameterLocation.Header,
            Description = "Requests per minute the sender asks for.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        });
        operation.Responses!["200"] = new OpenApiResponse
        {
            Description = "Consent: both headers are present when the origin may deliver.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["WebHook-Allowed-Origin"] = new OpenApiHeader { Description = "The requesting origin, echoed.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["WebHook-Allowed-Rate"] = new OpenApiHeader { Description = "Requests per minute granted, or * for no limit.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["Allow"] = new OpenApiHeader { Description = "POST, OPTIONS", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
    }
}
