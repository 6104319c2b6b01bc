namespace Fulfillment.Api.Ingestion;

/// <summary>A valid event waiting for the rest of its batch: where it goes, and where its canonical body sits in the batch buffer.</summary>
internal readonly record struct PendingEvent(string Namespace, string Key, string EventId, int Start, int Length);
