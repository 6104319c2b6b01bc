namespace Grains.Runtime.Placement;

/// <summary>
/// Which partitions this silo owns. A grain activates only on the owner of its partition; reminders and stream
/// agents run only for owned partitions. One silo owns all of them; in a cluster, leases decide.
/// </summary>
public interface IPartitionOwnership
{
    int PartitionCount { get; }

    bool IsOwnedLocally(int partition);

    /// <summary>The partitions this silo owns now.</summary>
    IReadOnlyCollection<int> OwnedPartitions { get; }
}
