using Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Placement;

/// <summary>A single silo: it owns every partition.</summary>
internal sealed class LocalPartitionOwnership(IOptions<GrainsOptions> options) : IPartitionOwnership
{
    private readonly int[] _all = [.. Enumerable.Range(0, options.Value.Partitions)];

    public int PartitionCount => _all.Length;

    public IReadOnlyCollection<int> OwnedPartitions => _all;

    public bool IsOwnedLocally(int partition) => (uint)partition < (uint)_all.Length;
}
