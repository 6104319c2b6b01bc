using Grains.Hosting;
using Grains.Runtime.Cluster;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Placement;

/// <summary>A single silo without a cluster store: it owns every partition, and its writes carry no fence.</summary>
internal sealed class LocalPartitionOwnership(IOptions<GrainsOptions> options) : IPartitionOwnership
{
    private readonly int[] _all = [.. Enumerable.Range(0, options.Value.Partitions)];

    public int PartitionCount => _all.Length;

    public IReadOnlyCollection<int> OwnedPartitions => _all;

    public bool IsOwnedLocally(int partition) => (uint)partition < (uint)_all.Length;

    public bool TryGetFence(int partition, out LeaseFence fence)
    {
        fence = LeaseFence.None;
        return IsOwnedLocally(partition);
    }
}
