namespace Fulfillment.Bench.Ingest;

/// <summary>One POST of a batch: the 202's counts, or the status or exception that was not a 202.</summary>
internal readonly record struct PostOutcome(bool Acknowledged, int Accepted, int Duplicates, string? Failure);
