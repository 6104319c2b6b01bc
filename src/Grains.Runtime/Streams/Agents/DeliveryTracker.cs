namespace Grains.Streams;

/// <summary>
/// The events of one partition that were read and are not yet fully delivered. The low watermark — the highest
/// sequence number with every event at or below it delivered — is what may be checkpointed. Not thread-safe: the agent
/// holds its lock around it.
/// </summary>
internal sealed class DeliveryTracker(long lastCompleted)
{
    private readonly SortedDictionary<long, DateTimeOffset> _pending = [];
    private long _lastRead = lastCompleted;

    public int InFlight => _pending.Count;

    public long LastRead => _lastRead;

    /// <summary>Everything at or below this sequence number has been delivered.</summary>
    public long LowWatermark => _pending.Count == 0 ? _lastRead : _pending.Keys.First() - 1;

    /// <summary>When the oldest event still in flight was enqueued; null when none is.</summary>
    public DateTimeOffset? OldestPendingEnqueuedAt => _pending.Count == 0 ? null : _pending.Values.First();

    public void Read(StreamEvent item)
    {
        _pending.Add(item.SequenceNumber, item.EnqueuedTime);
        _lastRead = Math.Max(_lastRead, item.SequenceNumber);
    }

    public void Completed(long sequenceNumber) => _pending.Remove(sequenceNumber);
}
