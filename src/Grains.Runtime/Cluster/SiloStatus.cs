namespace Grains.Runtime.Cluster;

/// <summary>Where a silo is in its life, as its row in the cluster store says.</summary>
public enum SiloStatus
{
    /// <summary>Registered and claiming its first partitions; it counts when partitions are shared out.</summary>
    Joining,

    /// <summary>Running: it renews its leases and claims its share.</summary>
    Active,

    /// <summary>Handing its partitions off before it stops; it no longer counts in the fair share.</summary>
    ShuttingDown,

    /// <summary>Stopped gracefully, or found without a heartbeat for a lease duration.</summary>
    Dead,
}
