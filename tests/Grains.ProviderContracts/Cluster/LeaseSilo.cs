using Grains.Runtime.Cluster;

namespace Grains.ProviderContracts.Cluster;

/// <summary>One lease manager of a <see cref="LeaseCluster"/>, with the store view a test can sever and what it was told.</summary>
public sealed class LeaseSilo(string name, PartitionLeaseManager manager, SeveredClusterStore store, RecordingOwnershipListener listener)
{
    public string Name { get; } = name;

    public PartitionLeaseManager Manager { get; } = manager;

    public SeveredClusterStore Store { get; } = store;

    public RecordingOwnershipListener Listener { get; } = listener;

    /// <summary>False once stopped or killed.</summary>
    public bool IsRunning { get; internal set; } = true;

    public IReadOnlyCollection<int> Owned => Manager.OwnedPartitions;
}
