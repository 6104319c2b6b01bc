using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Fulfillment.Api.OpenApi;

internal static class ProblemResponses
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>A documented problem answer with an example body.</summary>
    public static OpenApiResponse Create(string description, string exampleJson) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            [ProblemJson] = new OpenApiMediaType { Example = JsonNode.Parse(exampleJson) },
        },
    };
}
