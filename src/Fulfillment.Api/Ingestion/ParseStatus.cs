namespace Fulfillment.Api.Ingestion;

internal enum ParseStatus
{
    /// <summary>Every event is valid; <see cref="CloudEventParseResult.Events"/> holds them, ready to append.</summary>
    Parsed,

    /// <summary>The JSON is well-formed but one or more events are not valid CloudEvents of a known type.</summary>
    Invalid,

    /// <summary>The body is not JSON (or repeats a property name).</summary>
    MalformedJson,

    /// <summary>The body's shape does not match its content type (an array sent as one event, an object as a batch).</summary>
    WrongShape,

    /// <summary>A batch with no events.</summary>
    Empty,

    /// <summary>A batch with more events than <see cref="IngestionOptions.MaxBatchEvents"/>.</summary>
    TooManyEvents,
}
