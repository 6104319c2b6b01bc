namespace Grains.Streams;

/// <summary>
/// The event ids a <see cref="MemoryStreamLog"/> appended within the de-duplication window, with the time each was
/// stored. Expired ids leave in arrival order as appends go by, so memory stays bounded by the window without
/// relying on trimming. Not thread-safe: the log serializes access.
/// </summary>
internal sealed class MemoryEventIdWindow
{
    private readonly Dictionary<string, DateTimeOffset> _seenAt = new(StringComparer.Ordinal);
    private readonly Queue<(DateTimeOffset SeenAt, string EventId)> _arrivals = new();

    public int Count => _seenAt.Count;

    /// <summary>
    /// Records <paramref name="eventId"/> as stored at <paramref name="now"/>; false when it is a duplicate, i.e. it
    /// was stored after <paramref name="expiredAtOrBefore"/>.
    /// </summary>
    public bool TryAdd(string eventId, DateTimeOffset now, DateTimeOffset expiredAtOrBefore)
    {
        if (_seenAt.TryGetValue(eventId, out var seenAt) && seenAt > expiredAtOrBefore)
        {
            return false;
        }

        _seenAt[eventId] = now;
        _arrivals.Enqueue((now, eventId));
        return true;
    }

    /// <summary>Forgets ids stored at or before <paramref name="expiredAtOrBefore"/>; returns how many.</summary>
    public int Purge(DateTimeOffset expiredAtOrBefore)
    {
        var purged = 0;
        while (_arrivals.TryPeek(out var arrival) && arrival.SeenAt <= expiredAtOrBefore)
        {
            _arrivals.Dequeue();

            // An id stored again after expiring has a newer arrival of its own; only its latest one removes it.
            if (_seenAt.TryGetValue(arrival.EventId, out var seenAt) && seenAt == arrival.SeenAt)
            {
                _seenAt.Remove(arrival.EventId);
                purged++;
            }
        }

        return purged;
    }
}
