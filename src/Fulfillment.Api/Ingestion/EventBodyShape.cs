namespace Fulfillment.Api.Ingestion;

/// <summary>What the content type says the body holds.</summary>
internal enum EventBodyShape
{
    /// <summary><c>application/cloudevents+json</c>: one event, a JSON object.</summary>
    Single,

    /// <summary><c>application/cloudevents-batch+json</c>: a JSON array of events.</summary>
    Batch,

    /// <summary><c>application/json</c>: one event as an object, or a batch as an array.</summary>
    SingleOrBatch,
}
