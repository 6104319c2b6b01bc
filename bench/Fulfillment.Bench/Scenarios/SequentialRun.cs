using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Scenarios;

/// <summary>The outcome of the sequential phase of <see cref="GrainCallsScenario"/>.</summary>
internal readonly record struct SequentialRun(LatencyDistribution Latency, double Seconds, double BytesPerCall);
