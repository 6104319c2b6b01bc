using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.StreamLog;

/// <summary>One measured window of <see cref="AppendLoad"/>: when it started and was last acknowledged (Stopwatch), events appended, append latency.</summary>
internal sealed record AppendWindow(long Started, long LastAck, long Events, LatencyDistribution Latency);
