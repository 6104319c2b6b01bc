namespace Grains.Runtime.Diagnostics;

/// <summary>The meter and instrument names of the partition lease manager.</summary>
public static class ClusterInstrumentNames
{
    public const string MeterName = "Grains.Cluster";
    public const string PartitionsOwned = "grains.cluster.partitions.owned";
    public const string LeasesClaimed = "grains.cluster.leases.claimed";
    public const string LeasesReleased = "grains.cluster.leases.released";
    public const string LeasesLost = "grains.cluster.leases.lost";
    public const string StoreFailures = "grains.cluster.store.failures";
}
