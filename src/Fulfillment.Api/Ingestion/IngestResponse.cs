namespace Fulfillment.Api.Ingestion;

/// <summary>
/// The 202 answer: <paramref name="Accepted"/> events were new and are durably appended; <paramref name="Duplicates"/>
/// repeated an event already in the log (same source and id) and changed nothing. Together they count the request's events.
/// </summary>
public sealed record IngestResponse(int Accepted, int Duplicates);
