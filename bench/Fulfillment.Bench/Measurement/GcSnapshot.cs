using System.Diagnostics;

namespace Fulfillment.Bench.Measurement;

/// <summary>Process-wide GC counters, processor time and the clock at one instant; the difference of two is what a window cost.</summary>
internal readonly record struct GcSnapshot(
    long Timestamp, int Gen0, int Gen1, int Gen2, long AllocatedBytes, TimeSpan Paused, TimeSpan ProcessorTime)
{
    public static GcSnapshot Take() => new(
        Stopwatch.GetTimestamp(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalAllocatedBytes(precise: true),
        GC.GetTotalPauseDuration(),
        Environment.CpuUsage.TotalTime);

    public GcWindow Until(GcSnapshot end) => new(
        Stopwatch.GetElapsedTime(Timestamp, end.Timestamp),
        end.Gen0 - Gen0,
        end.Gen1 - Gen1,
        end.Gen2 - Gen2,
        end.AllocatedBytes - AllocatedBytes,
        end.Paused - Paused,
        end.ProcessorTime - ProcessorTime);
}
