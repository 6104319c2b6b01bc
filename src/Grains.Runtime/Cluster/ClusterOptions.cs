namespace Grains.Runtime.Cluster;

/// <summary>
/// Options of the partition lease manager (configuration section <c>Cluster</c>). The partition count is
/// <c>Cluster:Partitions</c>, the same setting as <see cref="Hosting.GrainsOptions.Partitions"/>.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>How long a claimed or renewed lease lasts: the longest a crashed silo's partitions stay unowned. Default 10 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often leases are renewed, free ones claimed and extras shed. Default (null): a quarter of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan? RenewInterval { get; set; }

    /// <summary>
    /// A silo that could not renew a lease stops serving its partition this long before the lease expires, so it has
    /// stopped before another silo can claim it; it must exceed the clock difference between silos. Default (null): a
    /// fifth of <see cref="LeaseDuration"/>.
    /// </summary>
    public TimeSpan? SafetyMargin { get; set; }

    /// <summary>This silo's id in the cluster store. Default (null): a new id per process start.</summary>
    public string? SiloId { get; set; }

    /// <summary>Where other silos reach this one, <c>host:port</c>, as shown in the cluster store. Default <c>localhost:0</c>.</summary>
    public string Endpoint { get; set; } = "localhost:0";

    internal TimeSpan EffectiveRenewInterval => RenewInterval ?? LeaseDuration / 4;

    internal TimeSpan EffectiveSafetyMargin => SafetyMargin ?? LeaseDuration / 5;
}
