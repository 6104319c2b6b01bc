namespace Grains.Runtime.Cluster;

/// <summary>Errors every cluster store reports the same way.</summary>
public static class ClusterStoreErrors
{
    /// <summary>The store's lease rows were created for <paramref name="stored"/> partitions; a silo asks for <paramref name="requested"/>.</summary>
    public static InvalidOperationException PartitionCountMismatch(int stored, int requested) => new(
        $"The cluster store has lease rows for {stored} partitions but Cluster:Partitions is {requested}; every silo of a cluster must use "
        + $"the partition count the cluster was created with: set it back to {stored}, or use a new store.");
}
