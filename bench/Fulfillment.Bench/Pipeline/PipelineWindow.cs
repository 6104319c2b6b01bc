using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Pipeline;

/// <summary>One phase of <see cref="PipelineLoad"/>: its start and last acknowledgement (Stopwatch), events acknowledged, failed posts, and request latency.</summary>
internal sealed record PipelineWindow(long Started, long LastAck, long Events, long Errors, string? FirstError, LatencyDistribution PostLatency);
