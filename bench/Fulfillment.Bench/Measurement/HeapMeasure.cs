using System.Runtime;

namespace Fulfillment.Bench.Measurement;

/// <summary>Live heap after everything collectable is collected, so two measurements differ by what stayed reachable.</summary>
internal readonly record struct HeapMeasure(long LiveBytes, long HeapSizeBytes)
{
    public static HeapMeasure Settle()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var live = GC.GetTotalMemory(forceFullCollection: true);
        return new HeapMeasure(live, GC.GetGCMemoryInfo().HeapSizeBytes);
    }
}
