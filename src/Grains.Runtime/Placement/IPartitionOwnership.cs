using Grains.Runtime.Cluster;

namespace Grains.Runtime.Placement;

/// <summary>
/// Which partitions this silo owns. A grain activates only on the owner of its partition; reminders and stream
/// agents run only for owned partitions. One silo owns all of them; in a cluster, leases decide
/// (<see cref="PartitionLeaseManager"/>).
/// </summary>
public interface IPartitionOwnership
{
    int PartitionCount { get; }

    bool IsOwnedLocally(int partition);

    /// <summary>The partitions this silo owns now.</summary>
    IReadOnlyCollection<int> OwnedPartitions { get; }

    /// <summary>
    /// The fence writes for <paramref name="partition"/> carry while this silo owns it (<see cref="LeaseFence.None"/>
    /// for a silo without a cluster); false when this silo does not own it.
    /// </summary>
    bool TryGetFence(int partition, out LeaseFence fence);
}
