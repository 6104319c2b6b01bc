using System.Diagnostics;

namespace Fulfillment.Bench.Ingest;

/// <summary>
/// Hands out a phase's batch numbers to the posting loops, with the time each may be posted. Flat out: any batch
/// taken before the phase's end, due at once. Paced: exactly the batches that fit the duration at the rate, batch k
/// of the phase due k intervals after its start. Either way the numbers taken are contiguous and all posted.
/// </summary>
internal sealed class PostSchedule
{
    private readonly long _first;
    private readonly long _started;
    private readonly long _stopAt;
    private readonly bool _paced;
    private readonly long _planned;
    private readonly double _ticksPerBatch;
    private long _taken;

    public PostSchedule(long first, long started, TimeSpan duration, double? batchesPerSecond)
    {
        _first = first;
        _started = started;
        _stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        if (batchesPerSecond is { } rate)
        {
            _paced = true;
            _planned = Math.Max(1, (long)(duration.TotalSeconds * rate));
            _ticksPerBatch = Stopwatch.Frequency / rate;
        }
        else
        {
            _planned = long.MaxValue;
        }
    }

    /// <summary>One past the last batch handed out; read once every loop has stopped.</summary>
    public long End => _first + Math.Min(Volatile.Read(ref _taken), _planned);

    public bool TryTake(out long batch, out long due)
    {
        batch = 0;
        due = 0;
        if (!_paced && Stopwatch.GetTimestamp() >= _stopAt)
        {
            return false;
        }

        var k = Interlocked.Increment(ref _taken) - 1;
        if (k >= _planned)
        {
            return false;
        }

        batch = _first + k;
        due = _started + (long)(k * _ticksPerBatch);
        return true;
    }
}
