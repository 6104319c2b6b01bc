using Grains.Runtime.Cluster;
using Xunit;

namespace Grains.ProviderContracts.Cluster;

/// <summary>
/// Lease managers over one cluster store, on a manual clock: what the silos of a cluster must see whatever store they
/// share. A provider's test project subclasses this once with its store.
/// </summary>
public abstract class PartitionOwnershipContractTests : IAsyncLifetime
{
    protected const int Partitions = 8;

    private LeaseCluster? _cluster;

    protected LeaseCluster Cluster => _cluster ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>A client of this test's (new, empty) backing store; each silo gets its own, as separate processes would.</summary>
    protected abstract IClusterStore OpenStore();

    public virtual Task InitializeAsync()
    {
        _cluster = new LeaseCluster(OpenStore, Partitions);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_Alone_ServesEveryPartitionAtEpochOne()
    {
        var a = await Cluster.StartAsync();

        Assert.Equal(Enumerable.Range(0, Partitions), a.Owned);
        var expiresAt = Cluster.Time.GetUtcNow() + LeaseCluster.LeaseDuration;
        Assert.Equal(Enumerable.Range(0, Partitions).Select(p => new PartitionLease(p, a.Name, expiresAt, 1)), await Cluster.ReadLeasesAsync());
        Assert.All(Enumerable.Range(0, Partitions), p => Assert.Equal([RecordingOwnershipListener.Gained], a.Listener.For(p)));
        Assert.True(a.Manager.TryGetFence(3, out var fence));
        Assert.Equal(new LeaseFence(3, 1, a.Name), fence);
        var silo = Assert.Single(await Cluster.ReadSilosAsync());
        Assert.Equal((a.Name, SiloStatus.Joining), (silo.SiloId, silo.Status));
    }

    [Fact]
    public async Task Renewals_KeepTheLeasesAtTheSameEpoch()
    {
        var a = await Cluster.StartAsync();

        await Cluster.AdvanceAsync(20);

        Assert.Equal(Partitions, a.Owned.Count);
        var now = Cluster.Time.GetUtcNow();
        Assert.All(await Cluster.ReadLeasesAsync(), l => Assert.Equal((a.Name, 1L, now + LeaseCluster.LeaseDuration), (l.Owner, l.Epoch, l.ExpiresAt)));
        Assert.Equal(SiloStatus.Active, Assert.Single(await Cluster.ReadSilosAsync()).Status);
    }

    [Fact]
    public async Task Join_SecondSilo_PartitionsSplitEvenlyThroughGracefulHandoffs()
    {
        var a = await Cluster.StartAsync();
        var b = await Cluster.StartAsync();
        Assert.Empty(b.Owned);

        await Cluster.AdvanceAsync(2);

        await Cluster.AssertStableAsync();
        Assert.Equal(Partitions / 2, a.Owned.Count);
        Assert.Equal(Partitions / 2, b.Owned.Count);
        var leases = await Cluster.ReadLeasesAsync();
        foreach (var partition in b.Owned)
        {
            // Handed off before released, and claimed by the newcomer with the next epoch.
            Assert.Equal([RecordingOwnershipListener.Gained, RecordingOwnershipListener.HandingOff, RecordingOwnershipListener.Lost], a.Listener.For(partition));
            Assert.Equal([RecordingOwnershipListener.Gained], b.Listener.For(partition));
            Assert.Equal(2, leases[partition].Epoch);
        }
    }

    [Fact]
    public async Task Join_UnevenCount_NoSiloAboveTheFairShare()
    {
        var silos = new List<LeaseSilo>();
        for (var i = 0; i < 3; i++)
        {
            silos.Add(await Cluster.StartAsync());
            await Cluster.AdvanceAsync(2);
        }

        await Cluster.AssertStableAsync();
        Assert.Equal([3, 3, 2], silos.Select(s => s.Owned.Count).OrderDescending());
    }

    [Fact]
    public async Task GracefulStop_ReleasesAtOnce_SurvivorClaimsBeforeTheLeasesWouldExpire()
    {
        var a = await Cluster.StartAsync();
        var b = await Cluster.StartAsync();
        await Cluster.AdvanceAsync(2);
        var handedOff = a.Owned.ToArray();

        await Cluster.StopAsync(a);

        var leases = await Cluster.ReadLeasesAsync();
        var stoppedAt = Cluster.Time.GetUtcNow();
        Assert.All(handedOff, p => Assert.Equal(new PartitionLease(p, null, stoppedAt, leases[p].Epoch), leases[p]));
        Assert.All(handedOff, p => Assert.Equal(
            [RecordingOwnershipListener.Gained, RecordingOwnershipListener.HandingOff, RecordingOwnershipListener.Lost], a.Listener.For(p)));
        Assert.Equal(SiloStatus.Dead, (await Cluster.ReadSilosAsync()).Single(s => s.SiloId == a.Name).Status);

        await b.Manager.RunCycleAsync();

        Assert.Equal(stoppedAt, Cluster.Time.GetUtcNow());
        Assert.Equal(Enumerable.Range(0, Partitions), b.Owned);
        await Cluster.AssertStableAsync();
    }

    [Fact]
    public async Task Kill_PartitionsTakenOnlyOnceTheirLeasesExpire()
    {
        var a = await Cluster.StartAsync();
        var b = await Cluster.StartAsync();
        await Cluster.AdvanceAsync(2);
        var orphaned = a.Owned.ToArray();
        var before = await Cluster.ReadLeasesAsync();
        var expiresAt = before[orphaned[0]].ExpiresAt;

        await Cluster.KillAsync(a);

        var rounds = (int)((expiresAt - Cluster.Time.GetUtcNow()) / LeaseCluster.RenewInterval);
        for (var round = 0; round < rounds; round++)
        {
            Assert.Equal(Partitions / 2, b.Owned.Count);
            Assert.All(orphaned, p => Assert.False(b.Manager.IsOwnedLocally(p)));
            await Cluster.AdvanceAsync();
        }

        Assert.Equal(expiresAt, Cluster.Time.GetUtcNow());

        Assert.Equal(Enumerable.Range(0, Partitions), b.Owned);
        var leases = await Cluster.ReadLeasesAsync();
        Assert.All(orphaned, p => Assert.Equal((b.Name, before[p].Epoch + 1), (leases[p].Owner, leases[p].Epoch)));
        Assert.Equal(SiloStatus.Dead, (await Cluster.ReadSilosAsync()).Single(s => s.SiloId == a.Name).Status);
    }

    [Fact]
    public async Task CutOffFromTheStore_StopsServingBeforeAnotherSiloCanClaim()
    {
        var a = await Cluster.StartAsync();
        var b = await Cluster.StartAsync();
        var expiresAt = (await Cluster.ReadLeasesAsync())[0].ExpiresAt;

        a.Store.IsSevered = true;

        // At every step: while a still serves a partition nobody else can hold it, and a stops a safety margin early.
        var rounds = (int)((expiresAt - Cluster.Time.GetUtcNow()) / LeaseCluster.RenewInterval) + 1;
        for (var round = 0; round < rounds; round++)
        {
            await Cluster.AssertAtMostOneOwnerAsync();
            var now = Cluster.Time.GetUtcNow();
            Assert.Equal(now < expiresAt - LeaseCluster.SafetyMargin ? Partitions : 0, a.Owned.Count);
            Assert.Equal(now < expiresAt ? 0 : Partitions, b.Owned.Count);
            await Cluster.AdvanceAsync();
        }

        Assert.Equal(Enumerable.Range(0, Partitions), b.Owned);
        Assert.All(Enumerable.Range(0, Partitions), p => Assert.Equal([RecordingOwnershipListener.Gained, RecordingOwnershipListener.Lost], a.Listener.For(p)));
        Assert.Empty(a.Owned);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task AnySequenceOfStartsStopsKillsAndCuts_AtMostOneOwnerAlways_ExactlyOneOnceSettled(int seed)
    {
        var random = new Random(seed);
        await Cluster.StartAsync();
        for (var step = 0; step < 40; step++)
        {
            var running = Cluster.Running;
            switch (random.Next(6))
            {
                case 0 when running.Count < 4:
                    await Cluster.StartAsync();
                    break;
                case 1 when running.Count > 0:
                    await Cluster.StopAsync(running[random.Next(running.Count)]);
                    break;
                case 2 when running.Count > 0:
                    await Cluster.KillAsync(running[random.Next(running.Count)]);
                    break;
                case 3 when running.Count > 0:
                    var silo = running[random.Next(running.Count)];
                    silo.Store.IsSevered = !silo.Store.IsSevered;
                    break;
                default:
                    await Cluster.AdvanceAsync(random.Next(1, 6));
                    break;
            }

            await Cluster.AssertAtMostOneOwnerAsync();
        }

        if (Cluster.Running.Count == 0)
        {
            await Cluster.StartAsync();
        }

        await Cluster.SettleAsync();

        await Cluster.AssertStableAsync();
    }
}
