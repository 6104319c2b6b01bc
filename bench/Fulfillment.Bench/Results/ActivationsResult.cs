namespace Fulfillment.Bench.Results;

/// <summary>Cost of activating many distinct grains: time, and live memory each activation keeps.</summary>
internal sealed record ActivationsResult(
    double ActivationsPerSec,
    double BytesPerActivation,
    int Count,
    double RawBytesPerActivation,
    double KeyBytesPerActivation,
    double HeapSizeBytesPerActivation,
    double Seconds,
    int Loops,
    long ActiveAfter,
    double BytesAllocatedPerActivation,
    int GcGen0,
    int GcGen1,
    int GcGen2,
    double GcPauseMs,
    double ShutdownSeconds,
    double BusyCores) : ScenarioResult
{
    public const string ScenarioName = "activations";

    public override void WriteSummary(TextWriter writer)
    {
        writer.WriteLine($"activations: {Format.Count(Count)} grains from {Loops} loops in {Format.Fixed(Seconds)} s");
        writer.WriteLine($"  rate        {Format.Count(ActivationsPerSec)} activations/s, {Format.Count(ActiveAfter)} active afterwards");
        writer.WriteLine($"  live bytes  {Format.Fixed(BytesPerActivation, 1)} per activation without its key, {Format.Fixed(RawBytesPerActivation, 1)} with it (key {Format.Fixed(KeyBytesPerActivation, 1)})");
        writer.WriteLine($"  heap size   {Format.Fixed(HeapSizeBytesPerActivation, 1)} B per activation (GC heap size delta)");
        writer.WriteLine($"  allocated   {Format.Fixed(BytesAllocatedPerActivation, 1)} B per activation; gc gen0 {GcGen0}, gen1 {GcGen1}, gen2 {GcGen2}, paused {Format.Fixed(GcPauseMs)} ms, server gc {GcServer}");
        writer.WriteLine($"  processors  {Format.Fixed(BusyCores)} of {ProcessorCount} cores busy while activating");
        writer.WriteLine($"  shutdown    {Format.Fixed(ShutdownSeconds)} s to deactivate all");
    }
}
