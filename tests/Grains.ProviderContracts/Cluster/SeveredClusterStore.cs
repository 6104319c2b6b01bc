using Grains.Runtime.Cluster;

namespace Grains.ProviderContracts.Cluster;

/// <summary>A silo's view of the cluster store that a test can cut off, as a network partition would: every call then fails.</summary>
public sealed class SeveredClusterStore(IClusterStore inner) : IClusterStore
{
    private volatile bool _severed;

    public bool IsSevered
    {
        get => _severed;
        set => _severed = value;
    }

    public Task InitializeAsync(int partitionCount, CancellationToken cancellationToken = default) =>
        Call(() => inner.InitializeAsync(partitionCount, cancellationToken));

    public Task RegisterSiloAsync(SiloRecord silo, CancellationToken cancellationToken = default) =>
        Call(() => inner.RegisterSiloAsync(silo, cancellationToken));

    public Task<bool> HeartbeatAsync(string siloId, SiloStatus status, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Call(() => inner.HeartbeatAsync(siloId, status, now, cancellationToken));

    public Task<bool> MarkDeadAsync(string siloId, DateTimeOffset heartbeatBefore, CancellationToken cancellationToken = default) =>
        Call(() => inner.MarkDeadAsync(siloId, heartbeatBefore, cancellationToken));

    public Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(CancellationToken cancellationToken = default) =>
        Call(() => inner.ReadSilosAsync(cancellationToken));

    public Task<IReadOnlyList<PartitionLease>> ReadLeasesAsync(CancellationToken cancellationToken = default) =>
        Call(() => inner.ReadLeasesAsync(cancellationToken));

    public Task<PartitionLease?> TryClaimAsync(int partition, string siloId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default) =>
        Call(() => inner.TryClaimAsync(partition, siloId, now, duration, cancellationToken));

    public Task<PartitionLease?> RenewAsync(int partition, string siloId, long epoch, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default) =>
        Call(() => inner.RenewAsync(partition, siloId, epoch, now, duration, cancellationToken));

    public Task<bool> ReleaseAsync(int partition, string siloId, long epoch, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Call(() => inner.ReleaseAsync(partition, siloId, epoch, now, cancellationToken));

    private Task<T> Call<T>(Func<Task<T>> call) =>
        _severed ? Task.FromException<T>(new TimeoutException("The cluster store cannot be reached (severed by the test).")) : call();

    private Task Call(Func<Task> call) =>
        _severed ? Task.FromException(new TimeoutException("The cluster store cannot be reached (severed by the test).")) : call();
}
