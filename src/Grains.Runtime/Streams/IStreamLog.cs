namespace Grains.Streams;

/// <summary>
/// A durable, partitioned, append-only event log (the seam an Event Hubs adapter fills in production).
/// <list type="bullet">
/// <item>An append is atomic and acknowledged only once durable: every new event of the batch is stored, or none. A
/// null event, or one without namespace or event id, or with a null key, fails the whole batch with
/// <see cref="ArgumentException"/> and nothing of it is stored.</item>
/// <item>De-duplication covers a bounded recent window (<see cref="StreamStorageOptions"/>): an event is counted as a
/// duplicate and not stored when an event with the same <see cref="StreamEventData.EventId"/>, whatever its key, is
/// still in the log (earlier events of the same batch included), was enqueued less than
/// <see cref="StreamStorageOptions.DeduplicationWindow"/> ago, and is among the last
/// <see cref="StreamStorageOptions.DeduplicationCapacity"/> events appended (counted one event at a time, trimmed
/// ones included). A repeat beyond those bounds, or of an event retention removed, is appended again; subscribers make
/// effects exactly-once with <see cref="ProcessedEventWindow"/>. A durable log recognises events appended before it
/// was reopened, keeping the newest within the window up to the capacity.</item>
/// <item>Within a partition, sequence numbers start at 1, increase by one per event and are never reused, even after
/// retention removed older events.</item>
/// <item>A partition never appended to reports <c>FirstSequenceNumber = 1</c>, <c>LastSequenceNumber = 0</c> and no
/// last enqueue time; one whose events were all trimmed reports <c>FirstSequenceNumber = LastSequenceNumber + 1</c>
/// and keeps its last enqueue time.</item>
/// </list>
/// </summary>
public interface IStreamLog
{
    int PartitionCount { get; }

    Task<StreamAppendResult> AppendAsync(IReadOnlyList<StreamEventData> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> events of the partition with sequence numbers ≥ <paramref name="fromSequenceNumber"/>,
    /// in order. A start before the first retained event starts at the first retained event; a start beyond the last
    /// event returns none. A partition out of range, or a <paramref name="maxCount"/> below 1, throws
    /// <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    Task<IReadOnlyList<StreamEvent>> ReadAsync(int partition, long fromSequenceNumber, int maxCount, CancellationToken cancellationToken = default);

    Task<StreamPartitionInfo> GetPartitionInfoAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes events of the partition with sequence numbers ≤ <paramref name="throughSequenceNumber"/> enqueued before
    /// <paramref name="enqueuedBefore"/>; returns how many were removed. Their ids are no longer recognised as
    /// duplicates. Callers never pass a sequence number beyond what every consumer group has checkpointed, so retention
    /// never drops an unprocessed event.
    /// </summary>
    Task<int> TrimAsync(int partition, long throughSequenceNumber, DateTimeOffset enqueuedBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raised once per append that stored events, with exactly the partitions that received them, after the append is
    /// durable and before the append's task completes; readers wake on it instead of polling. An append of duplicates
    /// only does not raise it. A handler that throws is logged and fails neither the append nor the other handlers.
    /// </summary>
    event Action<IReadOnlyCollection<int>>? Appended;
}
