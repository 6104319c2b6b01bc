namespace Grains.Streams;

/// <summary>
/// Checkpoints per (consumer group, partition): the sequence number below which (inclusive) every event has been
/// fully processed. Reading resumes after it.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The checkpoint, or null when the group never checkpointed the partition.</summary>
    Task<StreamCheckpoint?> ReadAsync(string consumerGroup, int partition, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StreamCheckpoint>> ReadAllAsync(string consumerGroup, CancellationToken cancellationToken = default);

    /// <summary>Durably records that everything through <paramref name="sequenceNumber"/> has been processed.</summary>
    Task WriteAsync(string consumerGroup, int partition, long sequenceNumber, CancellationToken cancellationToken = default);
}
