using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Fulfillment.Api.OpenApi;

/// <summary>Helpers the operation filters share to document answers and request bodies with examples.</summary>
internal static class OperationDocs
{
    public const string Json = "application/json";

    /// <summary>Documents (or replaces) the answer <paramref name="status"/>, keeping a schema already generated for it.</summary>
    public static void Response(
        OpenApiOperation operation, string status, string description, string? mediaType, string? json, Dictionary<string, IOpenApiHeader>? headers = null)
    {
        operation.Responses ??= [];
        var response = new OpenApiResponse { Description = description, Headers = headers };
        if (mediaType is not null && json is not null)
        {
            var media = new OpenApiMediaType { Example = JsonNode.Parse(json) };
            if (operation.Responses.TryGetValue(status, out var existing) && existing.Content?.TryGetValue(mediaType, out var current) == true)
            {
                media.Schema = current.Schema;
            }

            response.Content = new Dictionary<string, IOpenApiMediaType> { [mediaType] = media };
        }

        operation.Responses[status] = response;
    }

    /// <summary>A successful JSON answer with the schema of <paramref name="type"/> and an example.</summary>
    public static void JsonResponse(OpenApiOperation operation, OperationFilterContext context, string status, string description, Type type, string json)
    {
        operation.Responses ??= [];
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [Json] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository), Example = JsonNode.Parse(json) },
            },
        };
    }

    /// <summary>
    /// A JSON request body the handler reads itself (so that every error names its field) rather than binds, described
    /// with the schema of <paramref name="type"/> and an example.
    /// </summary>
    public static void JsonRequestBody(OpenApiOperation operation, OperationFilterContext context, Type type, string description, string json) =>
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [Json] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository), Example = JsonNode.Parse(json) },
            },
        };

    /// <summary>One documented response header.</summary>
    public static Dictionary<string, IOpenApiHeader> Header(string name, string description, JsonSchemaType type) => new()
    {
        [name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } },
    };
}
