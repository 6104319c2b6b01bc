using Grains.Runtime.Cluster;

namespace Grains.Streams;

/// <summary>
/// A checkpoint store that several silos share and that checks lease fences: a checkpoint is recorded only while the
/// partition's lease still has the fence's epoch and owner, checked atomically with the write. A stale fence fails
/// with <see cref="StaleLeaseException"/> and records nothing, so a silo that lost a partition can never move its
/// checkpoint under the new owner.
/// </summary>
public interface IFencedCheckpointStore : ICheckpointStore
{
    /// <summary>As <see cref="ICheckpointStore.WriteAsync"/>, under <paramref name="fence"/> (<see cref="LeaseFence.None"/>: unchecked).</summary>
    Task WriteAsync(string consumerGroup, int partition, long sequenceNumber, LeaseFence fence, CancellationToken cancellationToken = default);
}
