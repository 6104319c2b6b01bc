namespace Fulfillment.Bench.Measurement;

/// <summary>What happened between two <see cref="GcSnapshot"/>s. Collection counts include higher generations in lower ones.</summary>
internal readonly record struct GcWindow(
    TimeSpan Elapsed, int Gen0, int Gen1, int Gen2, long AllocatedBytes, TimeSpan Paused, TimeSpan ProcessorTime)
{
    /// <summary>Cores kept busy on average: below the core count, the load left processors idle (or another process had them).</summary>
    public double BusyCores => ProcessorTime / Elapsed;

    public double Seconds => Elapsed.TotalSeconds;

    public double PausedMilliseconds => Paused.TotalMilliseconds;
}
