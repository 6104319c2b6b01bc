using System.Collections.Concurrent;

namespace Grains.Streams;

/// <summary>Checkpoints in process memory, for tests and single-process runs: lost with the instance. The last write wins.</summary>
public sealed class MemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<(string ConsumerGroup, int Partition), StreamCheckpoint> _checkpoints = new();
    private readonly TimeProvider _time;

    public MemoryCheckpointStore(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    public Task<StreamCheckpoint?> ReadAsync(string consumerGroup, int partition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        return Task.FromResult(_checkpoints.TryGetValue((consumerGroup, partition), out var checkpoint) ? checkpoint : null);
    }

    public Task<IReadOnlyList<StreamCheckpoint>> ReadAllAsync(string consumerGroup, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        return Task.FromResult<IReadOnlyList<StreamCheckpoint>>(
            [.. _checkpoints.Values.Where(c => c.ConsumerGroup == consumerGroup).OrderBy(c => c.Partition)]);
    }

    public Task WriteAsync(string consumerGroup, int partition, long sequenceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNumber);
        cancellationToken.ThrowIfCancellationRequested();
        _checkpoints[(consumerGroup, partition)] = new StreamCheckpoint(consumerGroup, partition, sequenceNumber, _time.GetUtcNow());
        return Task.CompletedTask;
    }
}
