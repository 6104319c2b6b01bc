using Grains.ProviderContracts.Cluster;
using Grains.Runtime.Cluster;

namespace Grains.Runtime.Tests.Cluster;

/// <summary>Lease managers of one process sharing the in-memory cluster store.</summary>
public sealed class MemoryPartitionOwnershipTests : PartitionOwnershipContractTests
{
    private readonly MemoryClusterStore _store = new();

    protected override IClusterStore OpenStore() => _store;
}
