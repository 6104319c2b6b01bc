namespace Fulfillment.Bench.Measurement;

/// <summary>
/// Stopwatch timestamps indexed by a dense number (an event or a batch), in chunks allocated ahead of use by
/// <see cref="Reserve"/>. Zero means "not recorded". Writers on any thread record without locks; readers scan once the
/// writers are done.
/// </summary>
internal sealed class TimestampTable
{
    // 65,536 longs (512 KB) per chunk: a few allocations per second at the highest rates.
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;

    private readonly long[]?[] _chunks;
    private readonly Lock _lock = new();
    private long _reserved;

    public TimestampTable(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _chunks = new long[]?[(capacity + ChunkSize - 1) >> ChunkShift];
        Capacity = (long)_chunks.Length << ChunkShift;
    }

    public long Capacity { get; }

    /// <summary>Makes indexes below <paramref name="count"/> recordable; called before anything can record them.</summary>
    public void Reserve(long count)
    {
        if (count <= Volatile.Read(ref _reserved))
        {
            return;
        }

        if (count > Capacity)
        {
            throw new InvalidOperationException($"The table holds {Capacity:N0} timestamps; {count:N0} were asked for.");
        }

        lock (_lock)
        {
            for (var chunk = (int)(_reserved >> ChunkShift); chunk < (int)((count + ChunkSize - 1) >> ChunkShift); chunk++)
            {
                Volatile.Write(ref _chunks[chunk], _chunks[chunk] ?? new long[ChunkSize]);
            }

            Volatile.Write(ref _reserved, Math.Max(_reserved, count));
        }
    }

    /// <summary>Records the first timestamp of <paramref name="index"/>; false if one was already recorded (or the index was never reserved).</summary>
    public bool TryRecord(long index, long timestamp)
    {
        if ((ulong)index >= (ulong)Capacity || Volatile.Read(ref _chunks[index >> ChunkShift]) is not { } chunk)
        {
            return false;
        }

        return Interlocked.CompareExchange(ref chunk[index & (ChunkSize - 1)], timestamp, 0) == 0;
    }

    /// <summary>The timestamp of <paramref name="index"/>, or 0 if none was recorded.</summary>
    public long Get(long index) =>
        (ulong)index < (ulong)Capacity && Volatile.Read(ref _chunks[index >> ChunkShift]) is { } chunk
            ? Volatile.Read(ref chunk[index & (ChunkSize - 1)])
            : 0;
}
