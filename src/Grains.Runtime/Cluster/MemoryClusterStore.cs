namespace Grains.Runtime.Cluster;

/// <summary>
/// The cluster store in process memory: one silo, or several silos of one process (tests). Every operation runs under
/// one lock, which makes each as atomic as the PostgreSQL statements it stands for.
/// </summary>
public sealed class MemoryClusterStore : IClusterStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, SiloRecord> _silos = new(StringComparer.Ordinal);
    private PartitionLease[] _leases = [];

    public Task InitializeAsync(int partitionCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        lock (_lock)
        {
            if (_leases.Length == 0)
            {
                _leases = [.. Enumerable.Range(0, partitionCount).Select(p => new PartitionLease(p, null, DateTimeOffset.MinValue, 0))];
            }
            else if (_leases.Length != partitionCount)
            {
                throw ClusterStoreErrors.PartitionCountMismatch(_leases.Length, partitionCount);
            }
        }

        return Task.CompletedTask;
    }

    public Task RegisterSiloAsync(SiloRecord silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_lock)
        {
            _silos[silo.SiloId] = silo;
        }

        return Task.CompletedTask;
    }

    public Task<bool> HeartbeatAsync(string siloId, SiloStatus status, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_silos.TryGetValue(siloId, out var silo))
            {
                return Task.FromResult(false);
            }

            _silos[siloId] = silo with { Status = status, HeartbeatAt = now };
            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkDeadAsync(string siloId, DateTimeOffset heartbeatBefore, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_silos.TryGetValue(siloId, out var silo) || silo.Status == SiloStatus.Dead || silo.HeartbeatAt >= heartbeatBefore)
            {
                return Task.FromResult(false);
            }

            _silos[siloId] = silo with { Status = SiloStatus.Dead };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<SiloRecord>>([.. _silos.Values]);
        }
    }

    public Task<IReadOnlyList<PartitionLease>> ReadLeasesAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<PartitionLease>>([.. _leases]);
        }
    }

    public Task<PartitionLease?> TryClaimAsync(int partition, string siloId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siloId);
        lock (_lock)
        {
            var current = Lease(partition);
            return Task.FromResult(current.IsClaimable(now)
                ? Replace(new PartitionLease(partition, siloId, now + duration, current.Epoch + 1))
                : null);
        }
    }

    public Task<PartitionLease?> RenewAsync(int partition, string siloId, long epoch, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var current = Lease(partition);
            return Task.FromResult(IsHeld(current, siloId, epoch) ? Replace(current with { ExpiresAt = now + duration }) : null);
        }
    }

    public Task<bool> ReleaseAsync(int partition, string siloId, long epoch, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var current = Lease(partition);
            if (!IsHeld(current, siloId, epoch))
            {
                return Task.FromResult(false);
            }

            Replace(current with { Owner = null, ExpiresAt = now });
            return Task.FromResult(true);
        }
    }

    private static bool IsHeld(PartitionLease lease, string siloId, long epoch) =>
        lease.Epoch == epoch && string.Equals(lease.Owner, siloId, StringComparison.Ordinal);

    private PartitionLease Lease(int partition) =>
        (uint)partition < (uint)_leases.Length
            ? _leases[partition]
            : throw new ArgumentOutOfRangeException(nameof(partition), partition, $"The cluster store has {_leases.Length} partitions; initialize it first.");

    private PartitionLease Replace(PartitionLease lease)
    {
        _leases[lease.Partition] = lease;
        return lease;
    }
}
