using System.Diagnostics;

namespace Fulfillment.Bench.Measurement;

/// <summary>
/// Keeps every latency sample (Stopwatch ticks) of one recording thread, in chunks small enough to stay off the large
/// object heap, so recording costs a store and a rare 64 KB allocation. Past <see cref="MaxSamples"/> it keeps a
/// uniform reservoir instead, so memory stays bounded on very long runs.
/// </summary>
internal sealed class LatencyRecorder
{
    public const int MaxSamples = 1 << 24;

    // 8,192 longs = 64 KB: below the 85,000-byte large object threshold.
    private const int ChunkShift = 13;
    private const int ChunkSize = 1 << ChunkShift;

    private readonly List<long[]> _chunks = [];
    private CallerRandom _random = new(0x5EED);
    private int _count;

    /// <summary>Samples offered, including those the reservoir did not keep.</summary>
    public long Seen { get; private set; }

    public int Count => _count;

    public void Record(long ticks)
    {
        Seen++;
        if (_count < MaxSamples)
        {
            if ((_count & (ChunkSize - 1)) == 0 && (_count >> ChunkShift) == _chunks.Count)
            {
                _chunks.Add(new long[ChunkSize]);
            }

            _chunks[_count >> ChunkShift][_count & (ChunkSize - 1)] = ticks;
            _count++;
            return;
        }

        // Reservoir sampling: the n-th sample replaces a kept one with probability MaxSamples / n.
        var slot = _random.NextInt64(Seen);
        if (slot < MaxSamples)
        {
            _chunks[(int)(slot >> ChunkShift)][slot & (ChunkSize - 1)] = ticks;
        }
    }

    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetTimestamp() - startTimestamp);

    internal void CopyTo(long[] destination, int offset)
    {
        var remaining = _count;
        foreach (var chunk in _chunks)
        {
            var length = Math.Min(remaining, ChunkSize);
            Array.Copy(chunk, 0, destination, offset, length);
            offset += length;
            remaining -= length;
            if (remaining == 0)
            {
                break;
            }
        }
    }
}
