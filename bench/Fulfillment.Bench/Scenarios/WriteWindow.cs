using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Scenarios;

/// <summary>What the writers and the storage writer did during the measured window of <see cref="StateWritesScenario"/>.</summary>
internal sealed record WriteWindow(
    long Writes,
    long Errors,
    GcWindow Gc,
    LatencyDistribution Latency,
    StorageCommits Commits);
