namespace Grains.Runtime.Cluster;

/// <summary>
/// The cluster's only consensus: silo rows and one lease row per partition, changed by conditional, atomic operations.
/// Two silos claiming the same partition at once: exactly one wins. Times are the caller's (its
/// <see cref="TimeProvider"/>), so tests drive leases with a manual clock; silos' clocks must agree to well within
/// the lease manager's safety margin (a silo stops working for a partition that long before its lease expires).
/// </summary>
public interface IClusterStore
{
    /// <summary>
    /// Creates the lease rows of partitions 0 to <paramref name="partitionCount"/> − 1 that are missing. A store whose
    /// rows were created for another partition count is refused, naming both counts.
    /// </summary>
    Task InitializeAsync(int partitionCount, CancellationToken cancellationToken = default);

    /// <summary>Inserts the silo's row, or replaces it if the id is already there.</summary>
    Task RegisterSiloAsync(SiloRecord silo, CancellationToken cancellationToken = default);

    /// <summary>Writes the silo's status and heartbeat time; false when the silo has no row.</summary>
    Task<bool> HeartbeatAsync(string siloId, SiloStatus status, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a silo dead if its last heartbeat is older than <paramref name="heartbeatBefore"/> and it is not dead
    /// already; false otherwise (a heartbeat that lands first keeps it alive).
    /// </summary>
    Task<bool> MarkDeadAsync(string siloId, DateTimeOffset heartbeatBefore, CancellationToken cancellationToken = default);

    /// <summary>Every silo row, by id.</summary>
    Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(CancellationToken cancellationToken = default);

    /// <summary>Every lease row, by partition.</summary>
    Task<IReadOnlyList<PartitionLease>> ReadLeasesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the partition for <paramref name="siloId"/> until <paramref name="now"/> + <paramref name="duration"/> if
    /// it has no owner or its lease ran out at <paramref name="now"/>, raising the epoch by one; null when another silo
    /// holds it.
    /// </summary>
    Task<PartitionLease?> TryClaimAsync(int partition, string siloId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the lease to <paramref name="now"/> + <paramref name="duration"/> if <paramref name="siloId"/> still
    /// holds it at <paramref name="epoch"/>; null when the partition was claimed by another silo or released.
    /// </summary>
    Task<PartitionLease?> RenewAsync(int partition, string siloId, long epoch, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the partition up at once (a graceful handoff) if <paramref name="siloId"/> holds it at
    /// <paramref name="epoch"/>; the epoch stays, the next claim raises it. False when the silo no longer held it.
    /// </summary>
    Task<bool> ReleaseAsync(int partition, string siloId, long epoch, DateTimeOffset now, CancellationToken cancellationToken = default);
}
