using System.Text.Json;

namespace Fulfillment.Api.Ingestion;

/// <summary>The context attributes of one event as found in its JSON object; an absent one has <see cref="JsonValueKind.Undefined"/>.</summary>
internal struct EventAttributes
{
    public JsonElement SpecVersion;
    public JsonElement Id;
    public JsonElement Source;
    public JsonElement Type;
    public JsonElement Subject;
    public JsonElement Time;
    public JsonElement DataContentType;
    public JsonElement DataSchema;
    public JsonElement CorrelationId;
    public JsonElement CausationId;
    public JsonElement Data;
    public bool HasDataBase64;
    public bool HasExtensions;
}
