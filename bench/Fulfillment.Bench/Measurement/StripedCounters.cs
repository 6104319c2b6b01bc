namespace Fulfillment.Bench.Measurement;

/// <summary>
/// One counter per caller, each on its own cache line, so callers count without contending and a controller can sum
/// them at any moment to cut a measurement window out of a running load.
/// </summary>
internal sealed class StripedCounters(int count)
{
    // 16 longs = 128 bytes: a cache line plus the adjacent-line prefetch.
    private const int Stride = 16;

    private readonly long[] _slots = new long[(count + 1) * Stride];

    /// <summary>Only the caller that owns the slot writes it; the volatile store keeps the count out of a register.</summary>
    public void Increment(int caller)
    {
        ref var slot = ref _slots[(caller + 1) * Stride];
        Volatile.Write(ref slot, slot + 1);
    }

    public long Sum()
    {
        long sum = 0;
        for (var i = 1; i <= count; i++)
        {
            sum += Volatile.Read(ref _slots[i * Stride]);
        }

        return sum;
    }
}
