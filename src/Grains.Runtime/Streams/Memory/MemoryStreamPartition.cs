namespace Grains.Streams;

/// <summary>
/// One partition of a <see cref="MemoryStreamLog"/>: its retained events in sequence order and its head (the next
/// sequence number and offset), which trimming never moves back. Not thread-safe: the log serializes access.
/// </summary>
internal sealed class MemoryStreamPartition(int partition)
{
    private readonly List<StreamEvent> _events = [];
    private long _nextSequenceNumber = 1;
    private long _nextOffset;
    private DateTimeOffset? _lastEnqueuedTime;

    /// <summary>Appends an event whose body the caller already copied; returns its sequence number.</summary>
    public long Append(StreamEventData data, byte[] body, DateTimeOffset enqueuedTime)
    {
        var sequenceNumber = _nextSequenceNumber++;
        _events.Add(new StreamEvent(partition, sequenceNumber, _nextOffset, enqueuedTime, data.Namespace, data.Key, data.EventId, body));
        _nextOffset += body.Length;
        _lastEnqueuedTime = enqueuedTime;
        return sequenceNumber;
    }

    /// <summary>Copies of up to <paramref name="maxCount"/> events from <paramref name="fromSequenceNumber"/> on.</summary>
    public List<StreamEvent> Read(long fromSequenceNumber, int maxCount)
    {
        var start = IndexOfFirstAtOrAfter(fromSequenceNumber);
        var count = Math.Min(maxCount, _events.Count - start);
        var copies = new List<StreamEvent>(count);
        for (var i = start; i < start + count; i++)
        {
            var stored = _events[i];
            copies.Add(stored with { Body = stored.Body.ToArray() });
        }

        return copies;
    }

    public StreamPartitionInfo GetInfo() =>
        new(partition, _events.Count > 0 ? _events[0].SequenceNumber : _nextSequenceNumber, _nextSequenceNumber - 1, _lastEnqueuedTime);

    /// <summary>Removes the events through a sequence number enqueued before a time, passing each to <paramref name="onRemoved"/>.</summary>
    public int Trim(long throughSequenceNumber, DateTimeOffset enqueuedBefore, Action<StreamEvent> onRemoved)
    {
        // Only events up to the bound are candidates; a younger one among them stays, so keep order by compacting.
        var end = IndexOfFirstAtOrAfter(throughSequenceNumber == long.MaxValue ? long.MaxValue : throughSequenceNumber + 1);
        var kept = 0;
        for (var i = 0; i < end; i++)
        {
            if (_events[i].EnqueuedTime >= enqueuedBefore)
            {
                _events[kept++] = _events[i];
            }
            else
            {
                onRemoved(_events[i]);
            }
        }

        var removed = end - kept;
        if (removed > 0)
        {
            _events.RemoveRange(kept, removed);
        }

        return removed;
    }

    private int IndexOfFirstAtOrAfter(long sequenceNumber)
    {
        int low = 0, high = _events.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_events[middle].SequenceNumber < sequenceNumber)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
