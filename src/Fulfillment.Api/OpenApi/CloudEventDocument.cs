using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulfillment.Api.OpenApi;

/// <summary>
/// The shape of one CloudEvent, for the OpenAPI document only: the endpoint reads bodies with a JSON reader, never by
/// binding to this type.
/// </summary>
public sealed record CloudEventDocument(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("data")] JsonElement Data,
    [property: JsonPropertyName("subject")] string? Subject = null,
    [property: JsonPropertyName("datacontenttype")] string? DataContentType = null,
    [property: JsonPropertyName("correlationid")] string? CorrelationId = null,
    [property: JsonPropertyName("causationid")] string? CausationId = null);
