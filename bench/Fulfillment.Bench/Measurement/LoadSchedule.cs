using System.Diagnostics;

namespace Fulfillment.Bench.Measurement;

/// <summary>
/// Hands out a phase's work items (requests, batches) by number to concurrent load loops, with the time each may be
/// sent. Flat out: any item taken before the phase's end, due at once. Paced: exactly the items that fit the duration
/// at the rate, item k of the phase due k intervals after its start. Either way the numbers taken are contiguous and
/// all sent.
/// </summary>
internal sealed class LoadSchedule
{
    private readonly long _first;
    private readonly long _started;
    private readonly long _stopAt;
    private readonly bool _paced;
    private readonly long _planned;
    private readonly double _ticksPerItem;
    private long _taken;

    /// <param name="first">The number of the phase's first item (numbering may continue across phases).</param>
    /// <param name="started">The phase's start, a Stopwatch timestamp.</param>
    /// <param name="duration">How long the phase lasts.</param>
    /// <param name="itemsPerSecond">The pace, or null for flat out.</param>
    public LoadSchedule(long first, long started, TimeSpan duration, double? itemsPerSecond)
    {
        _first = first;
        _started = started;
        _stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        if (itemsPerSecond is { } rate)
        {
            _paced = true;
            _planned = Math.Max(1, (long)(duration.TotalSeconds * rate));
            _ticksPerItem = Stopwatch.Frequency / rate;
        }
        else
        {
            _planned = long.MaxValue;
        }
    }

    /// <summary>A flat-out schedule numbered from 0 that starts now.</summary>
    public static LoadSchedule FlatOut(TimeSpan duration) => new(0, Stopwatch.GetTimestamp(), duration, null);

    /// <summary>A paced schedule numbered from 0 that starts now.</summary>
    public static LoadSchedule Paced(TimeSpan duration, double itemsPerSecond) => new(0, Stopwatch.GetTimestamp(), duration, itemsPerSecond);

    public long Started => _started;

    /// <summary>One past the last item handed out; read once every loop has stopped.</summary>
    public long End => _first + Math.Min(Volatile.Read(ref _taken), _planned);

    public bool IsPaced => _paced;

    public bool TryTake(out long item, out long due)
    {
        item = 0;
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

        item = _first + k;
        due = _started + (long)(k * _ticksPerItem);
        return true;
    }

    /// <summary>Waits until <paramref name="due"/> (returns at once when it has passed).</summary>
    public static Task WaitUntilAsync(long due, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
