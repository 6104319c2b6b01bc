using Grains.Runtime.Cluster;
using Grains.Testing;
using Xunit;

namespace Grains.ProviderContracts.Cluster;

/// <summary>
/// Lease managers sharing one cluster store on one manual clock: silos that start, stop gracefully, get killed or cut
/// off from the store, and the checks that at most one silo serves a partition, and once things settle exactly one.
/// </summary>
public sealed class LeaseCluster(Func<IClusterStore> openStore, int partitions) : IAsyncDisposable
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(2.5);
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(2);

    private readonly IClusterStore _observer = openStore();
    private readonly List<LeaseSilo> _silos = [];
    private int _started;

    public ManualTimeProvider Time { get; } = new();

    public int Partitions { get; } = partitions;

    public IReadOnlyList<LeaseSilo> Running => [.. _silos.Where(s => s.IsRunning)];

    /// <summary>Starts a silo named <c>silo-N</c>; it claims its share before this returns.</summary>
    public async Task<LeaseSilo> StartAsync()
    {
        var name = $"silo-{++_started}";
        var store = new SeveredClusterStore(openStore());
        var listener = new RecordingOwnershipListener();
        var options = new ClusterOptions { LeaseDuration = LeaseDuration, RenewInterval = RenewInterval, SafetyMargin = SafetyMargin, SiloId = name };
        var manager = new PartitionLeaseManager(store, listener, options, Partitions, Time);
        await manager.StartAsync(CancellationToken.None);
        var silo = new LeaseSilo(name, manager, store, listener);
        _silos.Add(silo);
        return silo;
    }

    public async Task StopAsync(LeaseSilo silo)
    {
        silo.IsRunning = false;
        await silo.Manager.StopAsync(CancellationToken.None);
        await silo.Manager.DisposeAsync();
    }

    /// <summary>A crash: the manager stops where it is, releasing nothing.</summary>
    public async Task KillAsync(LeaseSilo silo)
    {
        silo.IsRunning = false;
        await silo.Manager.DisposeAsync();
    }

    /// <summary>
    /// Moves the clock one renew interval at a time (each running silo's timer runs a round on the way), then runs a
    /// round on every running silo and waits for the partition work it started.
    /// </summary>
    public async Task AdvanceAsync(int intervals = 1)
    {
        for (var i = 0; i < intervals; i++)
        {
            Time.Advance(RenewInterval);
            foreach (var silo in Running)
            {
                await silo.Manager.RunCycleAsync();
            }

            foreach (var silo in Running)
            {
                await silo.Manager.WhenPartitionWorkDoneAsync();
            }
        }
    }

    /// <summary>Reconnects every silo and lets enough rounds pass for any crashed silo's leases to expire and the share to settle.</summary>
    public async Task SettleAsync()
    {
        foreach (var silo in Running)
        {
            silo.Store.IsSevered = false;
        }

        var rounds = (int)Math.Ceiling(3 * LeaseDuration / RenewInterval) + 2;
        await AdvanceAsync(rounds);
    }

    /// <summary>No partition is served by two running silos, and a silo serves a partition only while the store says it holds it.</summary>
    public async Task AssertAtMostOneOwnerAsync()
    {
        var leases = await _observer.ReadLeasesAsync();
        var now = Time.GetUtcNow();
        for (var partition = 0; partition < Partitions; partition++)
        {
            var servers = Running.Where(s => s.Manager.TryGetFence(partition, out _)).ToList();
            Assert.True(servers.Count <= 1, $"Partition {partition} is served by {string.Join(", ", servers.Select(s => s.Name))} at {now:o}.");
            if (servers.Count == 1)
            {
                servers[0].Manager.TryGetFence(partition, out var fence);
                var lease = leases[partition];
                Assert.True(
                    lease.Owner == servers[0].Name && lease.Epoch == fence.Epoch && lease.ExpiresAt > now,
                    $"{servers[0].Name} serves partition {partition} at epoch {fence.Epoch} but the store has {lease} at {now:o}.");
            }
        }
    }

    /// <summary>Every partition is served by exactly one running silo, as the store says, and no silo serves more than its fair share.</summary>
    public async Task AssertStableAsync()
    {
        await AssertAtMostOneOwnerAsync();
        var running = Running;
        Assert.NotEmpty(running);
        var share = (Partitions + running.Count - 1) / running.Count;
        for (var partition = 0; partition < Partitions; partition++)
        {
            Assert.Single(running, s => s.Manager.IsOwnedLocally(partition));
        }

        Assert.All(running, s => Assert.InRange(s.Owned.Count, 0, share));
        Assert.Equal(Partitions, running.Sum(s => s.Owned.Count));
    }

    public Task<IReadOnlyList<PartitionLease>> ReadLeasesAsync() => _observer.ReadLeasesAsync();

    public Task<IReadOnlyList<SiloRecord>> ReadSilosAsync() => _observer.ReadSilosAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.Manager.DisposeAsync();
        }
    }
}
