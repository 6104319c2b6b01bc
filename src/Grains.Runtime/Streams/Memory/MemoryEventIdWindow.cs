namespace Grains.Streams;

/// <summary>
/// The recent event ids of a <see cref="MemoryStreamLog"/>: one arrival per stored event, in append order, at most
/// the capacity of them. Arrivals leave oldest first, once enqueued at or before the window's cutoff or to make room;
/// a trimmed event's id is forgotten at once, but its arrival keeps its place in the order until it leaves, so the
/// capacity counts the most recent appends whatever retention did. Not thread-safe: the log serializes access.
/// </summary>
internal sealed class MemoryEventIdWindow(int capacity)
{
    private readonly Dictionary<string, MemoryEventIdArrival> _latest = new(StringComparer.Ordinal);
    private readonly Queue<MemoryEventIdArrival> _arrivals = new();

    /// <summary>Ids currently recognised (trimmed and evicted ones excluded).</summary>
    public int Count => _latest.Count;

    /// <summary>True when an event with <paramref name="eventId"/> is recognised and was enqueued after <paramref name="expiredAtOrBefore"/>.</summary>
    public bool Contains(string eventId, DateTimeOffset expiredAtOrBefore) =>
        _latest.TryGetValue(eventId, out var arrival) && arrival.EnqueuedTime > expiredAtOrBefore;

    /// <summary>Records a stored event, first letting the oldest arrival go if the window is full.</summary>
    public void Add(string eventId, int partition, long sequenceNumber, DateTimeOffset enqueuedTime)
    {
        if (_arrivals.Count >= capacity)
        {
            Leave(_arrivals.Dequeue());
        }

        var arrival = new MemoryEventIdArrival(eventId, partition, sequenceNumber, enqueuedTime);
        _latest[eventId] = arrival;
        _arrivals.Enqueue(arrival);
    }

    /// <summary>Lets go of the oldest arrivals enqueued at or before <paramref name="expiredAtOrBefore"/>.</summary>
    public void Expire(DateTimeOffset expiredAtOrBefore)
    {
        while (_arrivals.TryPeek(out var arrival) && arrival.EnqueuedTime <= expiredAtOrBefore)
        {
            Leave(_arrivals.Dequeue());
        }
    }

    /// <summary>Forgets the id of an event retention removed.</summary>
    public void Forget(StreamEvent trimmed)
    {
        if (_latest.TryGetValue(trimmed.EventId, out var arrival)
            && arrival.Partition == trimmed.Partition
            && arrival.SequenceNumber == trimmed.SequenceNumber)
        {
            _latest.Remove(trimmed.EventId);
        }
    }

    private void Leave(MemoryEventIdArrival arrival)
    {
        // An id stored again after its window passed has a newer arrival of its own; only that one removes it.
        if (_latest.TryGetValue(arrival.EventId, out var latest) && latest == arrival)
        {
            _latest.Remove(arrival.EventId);
        }
    }
}
