using Grains.Runtime.Cluster;
using Xunit;

namespace Grains.ProviderContracts.Cluster;

/// <summary>
/// What every <see cref="IClusterStore"/> must do. A provider's test project subclasses this once; xunit creates a new
/// instance, and so a new (empty) store, for every test. Times are passed in, so no clock is needed.
/// </summary>
public abstract class ClusterStoreContractTests : IAsyncLifetime
{
    protected const int Partitions = 8;
    protected static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    protected static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IClusterStore? _store;

    /// <summary>The store under test, initialized with <see cref="Partitions"/> partitions.</summary>
    protected IClusterStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>True when rows survive <see cref="ReopenAsync"/>.</summary>
    protected abstract bool IsDurable { get; }

    /// <summary>Creates a store over this test's (new, empty) backing store.</summary>
    protected abstract Task<IClusterStore> CreateStoreAsync();

    /// <summary>Releases a store created by <see cref="CreateStoreAsync"/>.</summary>
    protected virtual Task ReleaseStoreAsync(IClusterStore store) => Task.CompletedTask;

    /// <summary>Closes the store and opens a new one over the same backing store, as a restart would.</summary>
    protected virtual async Task<IClusterStore> ReopenAsync(IClusterStore current)
    {
        await ReleaseStoreAsync(current);
        return await CreateStoreAsync();
    }

    /// <summary>
    /// Another client of the same backing store, as another process would open it (its own connections); the
    /// in-memory store has one instance per process, so it returns that. The subclass releases it at the end.
    /// </summary>
    protected abstract Task<IClusterStore> OpenContenderAsync();

    public virtual async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync(Partitions);
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await ReleaseStoreAsync(_store);
            _store = null;
        }
    }

    [Fact]
    public async Task InitializeAsync_NewStore_EveryPartitionFreeAtEpochZero()
    {
        var leases = await Store.ReadLeasesAsync();

        Assert.Equal(Enumerable.Range(0, Partitions).Select(p => new PartitionLease(p, null, DateTimeOffset.MinValue, 0)), leases);
    }

    [Fact]
    public async Task InitializeAsync_AgainWithSameCount_KeepsLeases()
    {
        var claimed = await Store.TryClaimAsync(3, "a", T0, Duration);

        await Store.InitializeAsync(Partitions);

        Assert.Equal(claimed, (await Store.ReadLeasesAsync())[3]);
        Assert.Equal(Partitions, (await Store.ReadLeasesAsync()).Count);
    }

    [Fact]
    public async Task InitializeAsync_OtherCount_RefusedNamingBothCounts()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.InitializeAsync(Partitions * 2));

        Assert.Contains($"lease rows for {Partitions} partitions but Cluster:Partitions is {Partitions * 2}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterSiloAsync_ThenRead_ReturnsTheRowsById()
    {
        var b = new SiloRecord("b", "host-b:11111", SiloStatus.Joining, T0, T0);
        var a = new SiloRecord("a", "host-a:11111", SiloStatus.Active, T0.AddSeconds(-5), T0.AddSeconds(1));

        await Store.RegisterSiloAsync(b);
        await Store.RegisterSiloAsync(a);

        Assert.Equal([a, b], await Store.ReadSilosAsync());
    }

    [Fact]
    public async Task RegisterSiloAsync_SameIdAgain_ReplacesTheRow()
    {
        await Store.RegisterSiloAsync(new SiloRecord("a", "old:1", SiloStatus.Dead, T0, T0));
        var again = new SiloRecord("a", "new:2", SiloStatus.Joining, T0.AddMinutes(1), T0.AddMinutes(1));

        await Store.RegisterSiloAsync(again);

        Assert.Equal([again], await Store.ReadSilosAsync());
    }

    [Fact]
    public async Task HeartbeatAsync_KnownSilo_WritesStatusAndTime()
    {
        await Store.RegisterSiloAsync(new SiloRecord("a", "host:1", SiloStatus.Joining, T0, T0));

        Assert.True(await Store.HeartbeatAsync("a", SiloStatus.ShuttingDown, T0.AddSeconds(3)));

        Assert.Equal([new SiloRecord("a", "host:1", SiloStatus.ShuttingDown, T0, T0.AddSeconds(3))], await Store.ReadSilosAsync());
    }

    [Fact]
    public async Task HeartbeatAsync_UnknownSilo_ReturnsFalse()
    {
        Assert.False(await Store.HeartbeatAsync("nobody", SiloStatus.Active, T0));
        Assert.Empty(await Store.ReadSilosAsync());
    }

    [Fact]
    public async Task MarkDeadAsync_HeartbeatOlderThanCutoff_MarksDeadOnce()
    {
        await Store.RegisterSiloAsync(new SiloRecord("a", "host:1", SiloStatus.Active, T0, T0));

        Assert.True(await Store.MarkDeadAsync("a", T0.AddTicks(1)));
        Assert.False(await Store.MarkDeadAsync("a", T0.AddTicks(1)));

        Assert.Equal(SiloStatus.Dead, Assert.Single(await Store.ReadSilosAsync()).Status);
    }

    [Fact]
    public async Task MarkDeadAsync_HeartbeatAtOrAfterCutoff_LeavesItAlive()
    {
        await Store.RegisterSiloAsync(new SiloRecord("a", "host:1", SiloStatus.Active, T0, T0));

        Assert.False(await Store.MarkDeadAsync("a", T0));
        Assert.False(await Store.MarkDeadAsync("unknown", T0.AddDays(1)));

        Assert.Equal(SiloStatus.Active, Assert.Single(await Store.ReadSilosAsync()).Status);
    }

    [Fact]
    public async Task TryClaimAsync_FreePartition_OwnerUntilDurationAtEpochOne()
    {
        var claimed = await Store.TryClaimAsync(2, "a", T0, Duration);

        var expected = new PartitionLease(2, "a", T0 + Duration, 1);
        Assert.Equal(expected, claimed);
        Assert.Equal(expected, (await Store.ReadLeasesAsync())[2]);
    }

    [Fact]
    public async Task TryClaimAsync_HeldByAnotherSilo_ReturnsNullAndChangesNothing()
    {
        var held = await Store.TryClaimAsync(2, "a", T0, Duration);

        Assert.Null(await Store.TryClaimAsync(2, "b", T0 + Duration - TimeSpan.FromTicks(1), Duration));
        Assert.Null(await Store.TryClaimAsync(2, "a", T0.AddSeconds(1), Duration));

        Assert.Equal(held, (await Store.ReadLeasesAsync())[2]);
    }

    [Fact]
    public async Task TryClaimAsync_ExpiredLease_TakenWithTheNextEpoch()
    {
        await Store.TryClaimAsync(5, "a", T0, Duration);

        var taken = await Store.TryClaimAsync(5, "b", T0 + Duration, Duration);

        Assert.Equal(new PartitionLease(5, "b", T0 + Duration + Duration, 2), taken);
    }

    [Fact]
    public async Task RenewAsync_OwnerAtItsEpoch_ExtendsTheLease()
    {
        await Store.TryClaimAsync(1, "a", T0, Duration);

        var renewed = await Store.RenewAsync(1, "a", 1, T0.AddSeconds(4), Duration);

        Assert.Equal(new PartitionLease(1, "a", T0.AddSeconds(4) + Duration, 1), renewed);
        Assert.Null(await Store.TryClaimAsync(1, "b", T0 + Duration, Duration));
    }

    [Fact]
    public async Task RenewAsync_WrongSiloOrEpoch_ReturnsNullAndChangesNothing()
    {
        var held = await Store.TryClaimAsync(1, "a", T0, Duration);

        Assert.Null(await Store.RenewAsync(1, "b", 1, T0.AddSeconds(1), Duration));
        Assert.Null(await Store.RenewAsync(1, "a", 2, T0.AddSeconds(1), Duration));
        Assert.Null(await Store.RenewAsync(0, "a", 1, T0.AddSeconds(1), Duration));

        Assert.Equal(held, (await Store.ReadLeasesAsync())[1]);
    }

    [Fact]
    public async Task RenewAsync_AfterAnotherSiloClaimedTheExpiredLease_ReturnsNull()
    {
        await Store.TryClaimAsync(1, "a", T0, Duration);
        var taken = await Store.TryClaimAsync(1, "b", T0 + Duration, Duration);

        Assert.Null(await Store.RenewAsync(1, "a", 1, T0 + Duration, Duration));

        Assert.Equal(taken, (await Store.ReadLeasesAsync())[1]);
    }

    [Fact]
    public async Task RenewAsync_ExpiredButNotClaimed_StillTheOwnersLease()
    {
        await Store.TryClaimAsync(1, "a", T0, Duration);
        var late = T0 + Duration + TimeSpan.FromSeconds(1);

        var renewed = await Store.RenewAsync(1, "a", 1, late, Duration);

        Assert.Equal(new PartitionLease(1, "a", late + Duration, 1), renewed);
    }

    [Fact]
    public async Task ReleaseAsync_ByOwner_FreesAtOnceKeepingTheEpoch()
    {
        await Store.TryClaimAsync(4, "a", T0, Duration);
        var releasedAt = T0.AddSeconds(2);

        Assert.True(await Store.ReleaseAsync(4, "a", 1, releasedAt));

        Assert.Equal(new PartitionLease(4, null, releasedAt, 1), (await Store.ReadLeasesAsync())[4]);
        Assert.Equal(new PartitionLease(4, "b", releasedAt + Duration, 2), await Store.TryClaimAsync(4, "b", releasedAt, Duration));
    }

    [Fact]
    public async Task ReleaseAsync_NotTheOwnerOrEpoch_ReturnsFalseAndChangesNothing()
    {
        var held = await Store.TryClaimAsync(4, "a", T0, Duration);

        Assert.False(await Store.ReleaseAsync(4, "b", 1, T0));
        Assert.False(await Store.ReleaseAsync(4, "a", 7, T0));
        Assert.False(await Store.ReleaseAsync(3, "a", 1, T0));

        Assert.Equal(held, (await Store.ReadLeasesAsync())[4]);
        Assert.NotNull(await Store.RenewAsync(4, "a", 1, T0, Duration));
    }

    [Fact]
    public async Task Epoch_AcrossClaimsReleasesAndExpiries_GrowsByOnePerClaim()
    {
        var now = T0;
        var epochs = new List<long>();
        for (var round = 0; round < 6; round++)
        {
            var silo = round % 2 == 0 ? "a" : "b";
            var lease = await Store.TryClaimAsync(0, silo, now, Duration);
            epochs.Add(lease!.Epoch);
            if (round % 3 == 0)
            {
                await Store.ReleaseAsync(0, silo, lease.Epoch, now);
            }
            else
            {
                now += Duration;
            }
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], epochs);
    }

    [Fact]
    public async Task TryClaimAsync_ContendersFromTwoClientsAtOnce_ExactlyOneWinsEachPartition()
    {
        var stores = new[] { Store, await OpenContenderAsync() };
        for (var round = 0; round < 5; round++)
        {
            var now = T0 + (Duration * round);
            var attempts = Enumerable.Range(0, Partitions)
                .SelectMany(p => Enumerable.Range(0, 4).Select(c => (Partition: p, Silo: $"silo-{c}", Store: stores[c % 2])))
                .Select(a => Task.Run(async () => (a.Partition, a.Silo, Lease: await a.Store.TryClaimAsync(a.Partition, a.Silo, now, Duration))))
                .ToArray();

            var results = await Task.WhenAll(attempts);

            var leases = await Store.ReadLeasesAsync();
            foreach (var partition in Enumerable.Range(0, Partitions))
            {
                var winner = Assert.Single(results, r => r.Partition == partition && r.Lease is not null);
                Assert.Equal(new PartitionLease(partition, winner.Silo, now + Duration, round + 1), winner.Lease);
                Assert.Equal(winner.Lease, leases[partition]);
            }
        }
    }

    [Fact]
    public async Task ReadAfterReopen_RowsKeptOnlyWhenDurable()
    {
        await Store.RegisterSiloAsync(new SiloRecord("a", "host:1", SiloStatus.Active, T0, T0));
        var claimed = await Store.TryClaimAsync(6, "a", T0, Duration);

        var current = Store;
        _store = null;
        _store = await ReopenAsync(current);
        await _store.InitializeAsync(Partitions);

        if (IsDurable)
        {
            Assert.Equal(claimed, (await _store.ReadLeasesAsync())[6]);
            Assert.Single(await _store.ReadSilosAsync());
        }
        else
        {
            Assert.Equal(new PartitionLease(6, null, DateTimeOffset.MinValue, 0), (await _store.ReadLeasesAsync())[6]);
            Assert.Empty(await _store.ReadSilosAsync());
        }
    }
}
