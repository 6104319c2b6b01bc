namespace Grains.Streams;

/// <summary>
/// A durable, partitioned, append-only event log (the seam an Event Hubs adapter fills in production).
/// <list type="bullet">
/// <item>An append is atomic and acknowledged only once durable: every new event of the batch is stored, or none.</item>
/// <item>An event whose <see cref="StreamEventData.EventId"/> is already in the log (within the de-duplication
/// retention) or earlier in the batch is counted as a duplicate and not stored again.</item>
/// <item>Within a partition, sequence numbers increase by one per event and are never reused, even after retention
/// removed older events.</item>
/// </list>
/// </summary>
public interface IStreamLog
{
    int PartitionCount { get; }

    Task<StreamAppendResult> AppendAsync(IReadOnlyList<StreamEventData> events, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> events of the partition with sequence numbers ≥ <paramref name="fromSequenceNumber"/>, in order.</summary>
    Task<IReadOnlyList<StreamEvent>> ReadAsync(int partition, long fromSequenceNumber, int maxCount, CancellationToken cancellationToken = default);

    Task<StreamPartitionInfo> GetPartitionInfoAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes events of the partition with sequence numbers ≤ <paramref name="throughSequenceNumber"/> enqueued before
    /// <paramref name="enqueuedBefore"/>; returns how many were removed. Callers never pass a sequence number beyond what
    /// every consumer group has checkpointed, so retention never drops an unprocessed event.
    /// </summary>
    Task<int> TrimAsync(int partition, long throughSequenceNumber, DateTimeOffset enqueuedBefore, CancellationToken cancellationToken = default);

    /// <summary>Raised after an append commits, with the partitions that received events; readers wake on it instead of polling.</summary>
    event Action<IReadOnlyCollection<int>>? Appended;
}
