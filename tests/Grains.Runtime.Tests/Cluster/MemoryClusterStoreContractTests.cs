using Grains.ProviderContracts.Cluster;
using Grains.Runtime.Cluster;

namespace Grains.Runtime.Tests.Cluster;

/// <summary>The cluster store contract for the in-memory store: one instance per process, gone with it.</summary>
public sealed class MemoryClusterStoreContractTests : ClusterStoreContractTests
{
    protected override bool IsDurable => false;

    protected override Task<IClusterStore> CreateStoreAsync() => Task.FromResult<IClusterStore>(new MemoryClusterStore());

    protected override Task<IClusterStore> OpenContenderAsync() => Task.FromResult(Store);
}
