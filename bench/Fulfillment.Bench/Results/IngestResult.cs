namespace Fulfillment.Bench.Results;

/// <summary>
/// CloudEvents posted over HTTP to the hosted service until applied by subscriber grains: end-to-end throughput
/// (phase A, flat out) and per-event latency from the batch's 202 to the grain applying the event (phase B, paced at
/// half of phase A's rate).
/// </summary>
internal sealed record IngestResult(
    string Log,
    double EventsPerSec,
    double P50Ms,
    double P99Ms,
    double PeakPostEventsPerSec,
    double PacedTargetEventsPerSec,
    double PacedEventsPerSec,
    long Accepted,
    long Duplicates,
    long Errors,
    double BusyCores,
    double? MachineBusyCores,
    double PacedBusyCores,
    double? PacedMachineBusyCores,
    double Seconds,
    int Batch,
    int Connections,
    int Keys,
    double EventBytes,
    long AppliedPeak,
    double PeakSeconds,
    double DrainMs,
    double PeakPostP50Ms,
    double PeakPostP99Ms,
    double PacedPostP50Ms,
    double PacedPostP99Ms,
    double P90Ms,
    double P999Ms,
    double MaxMs,
    double MeanMs,
    long LatencySamples,
    long AppliedBeforeAck,
    long Commits,
    double MeanWritesPerCommit,
    double MeanCommitMs,
    double MeanAppendMs,
    double BytesAllocatedPerEvent,
    int GcGen0,
    int GcGen1,
    int GcGen2,
    double GcPauseMs,
    double JitMs,
    double WarmupSeconds,
    long Redelivered,
    long OutOfOrder,
    long Unapplied) : ScenarioResult
{
    public const string ScenarioName = "ingest";

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"ingest: log {Log}, {Connections} connections, batches of {Batch} ({Format.Fixed(EventBytes, 0)} B/event), {Format.Count(Keys)} keys, {Format.Fixed(Seconds)} s per phase");
        writer.WriteLine($"  end to end  {Format.Count(EventsPerSec)} events/s applied ({Format.Count(AppliedPeak)} events, first post to last apply {Format.Fixed(PeakSeconds)} s, drain after last ack {Format.Fixed(DrainMs, 1)} ms)");
        writer.WriteLine($"  posting     {Format.Count(PeakPostEventsPerSec)} events/s acknowledged; request p50 {Format.Fixed(PeakPostP50Ms, 3)} ms, p99 {Format.Fixed(PeakPostP99Ms, 3)} ms");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy (machine: {Format.FixedOrNa(MachineBusyCores)}), {Format.Fixed(BytesAllocatedPerEvent, 0)} B allocated/event; gc gen0 {GcGen0}, gen1 {GcGen1}, gen2 {GcGen2}, paused {Format.Fixed(GcPauseMs)} ms, server gc {GcServer}; JIT {Format.Fixed(JitMs, 1)} ms after {Format.Fixed(WarmupSeconds, 1)} s warm-up");
        writer.WriteLine($"  commits     {Format.Count(Commits)} ({Format.Fixed(MeanWritesPerCommit, 1)} writes/commit, {Format.Fixed(MeanCommitMs, 3)} ms/commit); append {Format.Fixed(MeanAppendMs, 3)} ms/batch");
        writer.WriteLine($"  paced       {Format.Count(PacedEventsPerSec)} events/s (target {Format.Count(PacedTargetEventsPerSec)}); request p50 {Format.Fixed(PacedPostP50Ms, 3)} ms, p99 {Format.Fixed(PacedPostP99Ms, 3)} ms; {Format.Fixed(PacedBusyCores)} cores busy (machine: {Format.FixedOrNa(PacedMachineBusyCores)})");
        writer.WriteLine($"  ack→applied p50 {Format.Fixed(P50Ms, 3)}  p90 {Format.Fixed(P90Ms, 3)}  p99 {Format.Fixed(P99Ms, 3)}  p99.9 {Format.Fixed(P999Ms, 3)}  max {Format.Fixed(MaxMs, 3)}  mean {Format.Fixed(MeanMs, 3)} ms over {Format.Count(LatencySamples)} events ({Format.Count(AppliedBeforeAck)} applied before their 202 arrived, counted as 0)");
        writer.WriteLine($"  checks      accepted {Format.Count(Accepted)}, duplicates {Duplicates}, errors {Errors}, unapplied {Unapplied}, applied twice {Redelivered}, out of key order {OutOfOrder}");
    }
}
