namespace Fulfillment.Api.Diagnostics;

/// <summary>The gateway's meter and instrument names, in one place so dashboards and tests agree on them.</summary>
public static class ApiInstrumentNames
{
    public const string Meter = "Fulfillment.Api";

    /// <summary>Counter of ingestion requests, tagged <c>outcome</c> (accepted, invalid, malformed_json, wrong_shape, empty, too_many_events, too_large, unsupported_media_type).</summary>
    public const string IngestRequests = "fulfillment.ingest.requests";

    /// <summary>Counter of events, tagged <c>outcome</c> (appended, duplicate, rejected).</summary>
    public const string IngestEvents = "fulfillment.ingest.events";

    /// <summary>Histogram of the time one batch append took, in seconds.</summary>
    public const string IngestAppendDuration = "fulfillment.ingest.append.duration";
}
