namespace Fulfillment.Bench.Ingest;

/// <summary>A count of applied events someone waits for, and what to complete once it is reached. Swapped whole, so a grain never pairs one wait's count with another's completion.</summary>
internal sealed record AppliedTarget(long Count, TaskCompletionSource Reached);
