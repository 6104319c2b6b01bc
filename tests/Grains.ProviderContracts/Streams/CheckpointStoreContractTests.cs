using Grains.Streams;
using Xunit;

namespace Grains.ProviderContracts.Streams;

/// <summary>
/// What every <see cref="ICheckpointStore"/> must do. A provider's test project subclasses this once; xunit creates a
/// new instance, and so a new store, for every test. The last write of a (group, partition) wins, even if it records
/// a lower sequence number; <see cref="StreamCheckpoint.UpdatedAt"/> is the store's clock at the write.
/// </summary>
public abstract class CheckpointStoreContractTests : IAsyncLifetime
{
    private ICheckpointStore? _store;

    /// <summary>The store under test.</summary>
    protected ICheckpointStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>True when checkpoints survive <see cref="ReopenAsync"/>; stores that are not durable must lose them.</summary>
    protected abstract bool IsDurable { get; }

    /// <summary>The clock the store reads; it moves only through <see cref="AdvanceClock"/>.</summary>
    protected abstract TimeProvider Clock { get; }

    protected abstract void AdvanceClock(TimeSpan delta);

    /// <summary>Creates the store under test on <see cref="Clock"/>, over this test's backing store.</summary>
    protected abstract Task<ICheckpointStore> CreateStoreAsync();

    /// <summary>Releases a store created by <see cref="CreateStoreAsync"/>.</summary>
    protected virtual Task ReleaseStoreAsync(ICheckpointStore store) => Task.CompletedTask;

    /// <summary>Closes the store under test and creates a new one over the same backing store, as a restart would.</summary>
    protected virtual async Task<ICheckpointStore> ReopenAsync(ICheckpointStore current)
    {
        await ReleaseStoreAsync(current);
        return await CreateStoreAsync();
    }

    public virtual async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await ReleaseStoreAsync(_store);
            _store = null;
        }
    }

    /// <summary>A consumer group no other test uses.</summary>
    protected static string NewGroup() => ContractData.UniqueName("group");

    [Fact]
    public async Task ReadAsync_NeverWritten_ReturnsNull()
    {
        Assert.Null(await Store.ReadAsync(NewGroup(), 0));
    }

    [Fact]
    public async Task WriteAsync_ThenRead_ReturnsSequenceNumberAndClockTime()
    {
        var group = NewGroup();

        await Store.WriteAsync(group, 3, 42);

        Assert.Equal(new StreamCheckpoint(group, 3, 42, Clock.GetUtcNow()), await Store.ReadAsync(group, 3));
    }

    [Fact]
    public async Task WriteAsync_Again_LastWriteWinsWithItsTime()
    {
        var group = NewGroup();
        await Store.WriteAsync(group, 1, 10);
        AdvanceClock(TimeSpan.FromSeconds(5));
        await Store.WriteAsync(group, 1, 25);
        AdvanceClock(TimeSpan.FromSeconds(5));

        await Store.WriteAsync(group, 1, 20);

        Assert.Equal(new StreamCheckpoint(group, 1, 20, Clock.GetUtcNow()), await Store.ReadAsync(group, 1));
    }

    [Fact]
    public async Task WriteAsync_SeveralGroupsAndPartitions_EachIndependent()
    {
        var (group, other) = (NewGroup(), NewGroup());
        var start = Clock.GetUtcNow();
        await Store.WriteAsync(group, 0, 5);
        await Store.WriteAsync(group, 1, 7);
        AdvanceClock(TimeSpan.FromMinutes(1));

        await Store.WriteAsync(other, 0, 100);
        await Store.WriteAsync(group, 1, 8);

        Assert.Equal(new StreamCheckpoint(group, 0, 5, start), await Store.ReadAsync(group, 0));
        Assert.Equal(new StreamCheckpoint(group, 1, 8, start.AddMinutes(1)), await Store.ReadAsync(group, 1));
        Assert.Equal(new StreamCheckpoint(other, 0, 100, start.AddMinutes(1)), await Store.ReadAsync(other, 0));
        Assert.Null(await Store.ReadAsync(other, 1));
    }

    [Fact]
    public async Task WriteAsync_Zero_IsRecorded()
    {
        var group = NewGroup();

        await Store.WriteAsync(group, 0, 0);

        Assert.Equal(0, (await Store.ReadAsync(group, 0))?.SequenceNumber);
    }

    [Fact]
    public async Task ReadAllAsync_ReturnsTheGroupsCheckpointsByPartition()
    {
        var (group, other) = (NewGroup(), NewGroup());
        var now = Clock.GetUtcNow();
        await Store.WriteAsync(group, 7, 70);
        await Store.WriteAsync(other, 1, 1);
        await Store.WriteAsync(group, 2, 20);
        await Store.WriteAsync(group, 0, 1);

        var all = await Store.ReadAllAsync(group);

        Assert.Equal(
            [new StreamCheckpoint(group, 0, 1, now), new StreamCheckpoint(group, 2, 20, now), new StreamCheckpoint(group, 7, 70, now)],
            all);
    }

    [Fact]
    public async Task ReadAllAsync_UnknownGroup_ReturnsEmpty()
    {
        await Store.WriteAsync(NewGroup(), 0, 1);

        Assert.Empty(await Store.ReadAllAsync(NewGroup()));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOnDistinctPartitions_EveryCheckpointRecorded()
    {
        const int Partitions = 32;
        var group = NewGroup();

        await Task.WhenAll(Enumerable.Range(0, Partitions).Select(p => Task.Run(() => Store.WriteAsync(group, p, p * 10L))));

        Assert.Equal(Enumerable.Range(0, Partitions).Select(p => (p, p * 10L)), (await Store.ReadAllAsync(group)).Select(c => (c.Partition, c.SequenceNumber)));
    }

    [Fact]
    public async Task WriteAsync_NoGroup_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync("", 0, 1));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.WriteAsync(null!, 0, 1));
    }

    [Fact]
    public async Task WriteAsync_NegativeSequenceNumberOrPartition_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.WriteAsync(NewGroup(), 0, -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.WriteAsync(NewGroup(), -1, 1));
    }

    [Fact]
    public async Task ReadAsync_AfterReopen_ReturnsCheckpointOnlyWhenDurable()
    {
        var group = NewGroup();
        var writtenAt = Clock.GetUtcNow();
        await Store.WriteAsync(group, 2, 99);
        AdvanceClock(TimeSpan.FromMinutes(1));

        var reopened = await ReopenStoreAsync();

        if (IsDurable)
        {
            Assert.Equal(new StreamCheckpoint(group, 2, 99, writtenAt), await reopened.ReadAsync(group, 2));
            Assert.Single(await reopened.ReadAllAsync(group));
        }
        else
        {
            Assert.Null(await reopened.ReadAsync(group, 2));
            Assert.Empty(await reopened.ReadAllAsync(group));
        }
    }

    private async Task<ICheckpointStore> ReopenStoreAsync()
    {
        var current = Store;
        _store = null;
        _store = await ReopenAsync(current);
        return _store;
    }
}
