using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Fulfillment.Api.Ingestion;

/// <summary>
/// The media types <c>POST /api/v1/events</c> takes. Structured mode only: Azure Event Grid pushes CloudEvents 1.0 as
/// <c>application/cloudevents+json; charset=utf-8</c> (one event) or <c>application/cloudevents-batch+json;
/// charset=utf-8</c> (batched delivery); plain <c>application/json</c> is taken too, its body's shape deciding.
/// </summary>
internal static class CloudEventContentTypes
{
    public const string Single = "application/cloudevents+json";
    public const string Batch = "application/cloudevents-batch+json";
    public const string Json = "application/json";

    public static IReadOnlyList<string> All { get; } = [Single, Batch, Json];

    /// <summary>The shape the content type announces, or null with the reason it is not supported.</summary>
    public static EventBodyShape? Classify(string? contentType, out string? refusal)
    {
        refusal = null;
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            refusal = $"Send Content-Type {Single} (one event) or {Batch} (a JSON array of events).";
            return null;
        }

        if (media.Charset.HasValue && !StringSegment.Equals(media.Charset, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            refusal = $"The charset is {media.Charset}; CloudEvents JSON must be UTF-8.";
            return null;
        }

        if (StringSegment.Equals(media.MediaType, Single, StringComparison.OrdinalIgnoreCase))
        {
            return EventBodyShape.Single;
        }

        if (StringSegment.Equals(media.MediaType, Batch, StringComparison.OrdinalIgnoreCase))
        {
            return EventBodyShape.Batch;
        }

        if (StringSegment.Equals(media.MediaType, Json, StringComparison.OrdinalIgnoreCase))
        {
            return EventBodyShape.SingleOrBatch;
        }

        refusal = $"Content-Type {media.MediaType} is not supported; send {Single}, {Batch} or {Json}.";
        return null;
    }
}
