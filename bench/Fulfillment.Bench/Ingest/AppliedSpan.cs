namespace Fulfillment.Bench.Ingest;

/// <summary>Of a phase's events: how many were applied, when the last one was, and how many acknowledged ones were not applied.</summary>
internal readonly record struct AppliedSpan(long Applied, long LastApplied, long Unapplied);
