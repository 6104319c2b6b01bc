namespace Fulfillment.Bench.Results;

/// <summary>Throughput of concurrent callers (phase A) and the latency of one sequential caller (phase B).</summary>
internal sealed record GrainCallsResult(
    double CallsPerSec,
    double P50Us,
    double P99Us,
    int Callers,
    int Grains,
    double Seconds,
    long Calls,
    double BytesPerCall,
    int GcGen0,
    int GcGen1,
    int GcGen2,
    double GcPauseMs,
    long SequentialCalls,
    double SequentialCallsPerSec,
    double SequentialBytesPerCall,
    double P90Us,
    double P999Us,
    double MaxUs,
    double MeanUs,
    double BusyCores,
    int ThreadPoolThreads) : ScenarioResult
{
    public const string ScenarioName = "grain-calls";

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"grain-calls: {Callers} callers over {Format.Count(Grains)} grains, {Format.Fixed(Seconds)} s measured");
        writer.WriteLine($"  throughput  {Format.Count(CallsPerSec)} calls/s ({Format.Count(Calls)} calls, {Format.Fixed(BytesPerCall, 1)} B allocated/call)");
        writer.WriteLine($"  gc          gen0 {GcGen0}, gen1 {GcGen1}, gen2 {GcGen2}, paused {Format.Fixed(GcPauseMs)} ms, server gc {GcServer}");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy, {ThreadPoolThreads} thread pool threads");
        writer.WriteLine($"  sequential  {Format.Count(SequentialCallsPerSec)} calls/s ({Format.Count(SequentialCalls)} calls, {Format.Fixed(SequentialBytesPerCall, 1)} B allocated/call)");
        writer.WriteLine($"  latency us  p50 {Format.Fixed(P50Us, 3)}  p90 {Format.Fixed(P90Us, 3)}  p99 {Format.Fixed(P99Us, 3)}  p99.9 {Format.Fixed(P999Us, 3)}  max {Format.Fixed(MaxUs, 1)}  mean {Format.Fixed(MeanUs, 3)}");
    }
}
