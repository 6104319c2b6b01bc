namespace Grains.Streams;

/// <summary>
/// The ids of the events a grain applied most recently, kept in its persisted state so that marking an event and
/// applying it are written in the same state write. A redelivered event is then recognised and skipped: exactly-once
/// in effect. Bounded: the oldest ids fall out once <see cref="Capacity"/> is reached, which is far more than one key
/// can have redelivered after a crash (events since the last checkpoint).
/// </summary>
public sealed class ProcessedEventWindow
{
    private HashSet<string>? _index;

    /// <summary>The ids in the order they were applied, oldest first. Serialized with the state.</summary>
    public List<string> Recent { get; set; } = [];

    public int Capacity { get; set; } = 1024;

    public bool Contains(string eventId) => Index.Contains(eventId);

    /// <summary>Marks the event as applied; false when it already was (skip it).</summary>
    public bool TryMark(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        if (!Index.Add(eventId))
        {
            return false;
        }

        Recent.Add(eventId);
        if (Recent.Count > Capacity)
        {
            var excess = Recent.Count - Capacity;
            foreach (var evicted in Recent.Take(excess))
            {
                _index!.Remove(evicted);
            }

            Recent.RemoveRange(0, excess);
        }

        return true;
    }

    private HashSet<string> Index => _index ??= new HashSet<string>(Recent, StringComparer.Ordinal);
}
