namespace Grains.Runtime.Cluster;

/// <summary>One silo's row in the cluster store.</summary>
/// <param name="SiloId">Unique per process start, so a restarted silo never inherits the leases of its crashed predecessor.</param>
/// <param name="Endpoint">Where other silos reach it, <c>host:port</c>.</param>
/// <param name="Status">Its status as it last wrote it (or <see cref="SiloStatus.Dead"/> if another silo found it gone).</param>
/// <param name="StartedAt">When it registered.</param>
/// <param name="HeartbeatAt">When it last wrote its row.</param>
public sealed record SiloRecord(string SiloId, string Endpoint, SiloStatus Status, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt)
{
    /// <summary>True when the silo takes part in sharing partitions out at <paramref name="now"/>: joining or active, with a heartbeat newer than <paramref name="staleAfter"/>.</summary>
    public bool IsLive(DateTimeOffset now, TimeSpan staleAfter) =>
        Status is SiloStatus.Joining or SiloStatus.Active && HeartbeatAt > now - staleAfter;
}
