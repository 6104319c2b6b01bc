namespace Fulfillment.Bench.Results;

/// <summary>Durable state writes through grains to SQLite: throughput, caller-observed latency, and group-commit batching.</summary>
internal sealed record StateWritesResult(
    double WritesPerSec,
    double P99Ms,
    int Writers,
    int Grains,
    double Seconds,
    long Writes,
    long Errors,
    double P50Ms,
    double P90Ms,
    double P999Ms,
    double MaxMs,
    int StateBytes,
    string Synchronous,
    long Commits,
    double MeanBatchSize,
    double MeanCommitMs,
    double BytesPerWrite,
    string DataDir,
    double BusyCores) : ScenarioResult
{
    public const string ScenarioName = "state-writes";

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"state-writes: {Writers} writers over {Format.Count(Grains)} grains, {Format.Fixed(Seconds)} s measured, synchronous={Synchronous}, {StateBytes} B state, in {DataDir}");
        writer.WriteLine($"  throughput  {Format.Count(WritesPerSec)} writes/s ({Format.Count(Writes)} writes, {Errors} errors, {Format.Fixed(BytesPerWrite, 0)} B allocated/write)");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy, server gc {GcServer}");
        writer.WriteLine($"  commits     {Format.Count(Commits)} ({Format.Fixed(MeanBatchSize, 1)} writes/commit, {Format.Fixed(MeanCommitMs, 3)} ms/commit)");
        writer.WriteLine($"  latency ms  p50 {Format.Fixed(P50Ms, 3)}  p90 {Format.Fixed(P90Ms, 3)}  p99 {Format.Fixed(P99Ms, 3)}  p99.9 {Format.Fixed(P999Ms, 3)}  max {Format.Fixed(MaxMs, 3)}");
    }
}
