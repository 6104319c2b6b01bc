using Grains.Storage;
using Xunit;

namespace Grains.ProviderContracts;

/// <summary>
/// What every <see cref="IGrainStorage"/> must do. A provider's test project subclasses this once; xunit creates a new
/// instance, and so a new provider, for every test.
/// </summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    private IGrainStorage? _storage;

    /// <summary>The provider under test.</summary>
    protected IGrainStorage Storage => _storage ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>
    /// True when completed writes survive <see cref="ReopenAsync"/>. Providers that are not durable must lose everything
    /// on reopen, as their documentation says, and the durability tests check that instead.
    /// </summary>
    protected abstract bool IsDurable { get; }

    /// <summary>Creates the provider under test, over this test's backing store.</summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync();

    /// <summary>Releases a provider created by <see cref="CreateStorageAsync"/> (closing files, stopping writers).</summary>
    protected virtual Task ReleaseStorageAsync(IGrainStorage storage) => Task.CompletedTask;

    /// <summary>
    /// Closes the provider under test and creates a new instance over the same backing store, as a process restart
    /// would. By default releases it and calls <see cref="CreateStorageAsync"/> again.
    /// </summary>
    protected virtual async Task<IGrainStorage> ReopenAsync(IGrainStorage current)
    {
        await ReleaseStorageAsync(current);
        return await CreateStorageAsync();
    }

    public virtual async Task InitializeAsync() => _storage = await CreateStorageAsync();

    public virtual async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await ReleaseStorageAsync(_storage);
            _storage = null;
        }
    }

    /// <summary>A key no other test uses.</summary>
    protected static GrainStateKey NewKey() =>
        new(ContractData.UniqueName("type"), ContractData.UniqueName("key"), ContractData.UniqueName("state"));

    [Fact]
    public async Task ReadAsync_UnknownKey_ReturnsNull()
    {
        Assert.Null(await Storage.ReadAsync(NewKey()));
    }

    [Fact]
    public async Task WriteAsync_NullEtagOnUnknownKey_ReturnsEtagAndStoresBytes()
    {
        var key = NewKey();
        var data = ContractData.Payload(100, seed: 1);

        var etag = await Storage.WriteAsync(key, data, expectedEtag: null);

        Assert.False(string.IsNullOrEmpty(etag));
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(data, record.Data);
        Assert.Equal(etag, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_CurrentEtag_ReplacesDataUnderNewEtag()
    {
        var key = NewKey();
        var first = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var data = ContractData.Payload(20, seed: 2);

        var second = await Storage.WriteAsync(key, data, first);

        Assert.NotEqual(first, second);
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(data, record.Data);
        Assert.Equal(second, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_StaleEtag_ThrowsInconsistentStateAndKeepsData()
    {
        var key = NewKey();
        var stale = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var kept = ContractData.Payload(10, seed: 2);
        var current = await Storage.WriteAsync(key, kept, stale);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(key, ContractData.Payload(10, seed: 3), stale));

        Assert.Equal(current, exception.StoredEtag);
        Assert.Equal(stale, exception.CurrentEtag);
        Assert.Contains(key.ToString(), exception.Message, StringComparison.Ordinal);
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(kept, record.Data);
        Assert.Equal(current, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_NullEtagWhenRecordExists_ThrowsInconsistentState()
    {
        var key = NewKey();
        var kept = ContractData.Payload(10, seed: 1);
        var etag = await Storage.WriteAsync(key, kept, null);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(key, ContractData.Payload(10, seed: 2), null));

        Assert.Equal(etag, exception.StoredEtag);
        Assert.Null(exception.CurrentEtag);
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(kept, record.Data);
        Assert.Equal(etag, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_EtagOnUnknownKey_ThrowsInconsistentStateAndStoresNothing()
    {
        var key = NewKey();
        var foreignEtag = await Storage.WriteAsync(NewKey(), ContractData.Payload(10, seed: 1), null);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(key, ContractData.Payload(10, seed: 2), foreignEtag));

        Assert.Null(exception.StoredEtag);
        Assert.Equal(foreignEtag, exception.CurrentEtag);
        Assert.Null(await Storage.ReadAsync(key));
    }

    [Fact]
    public async Task WriteAsync_EmptyPayload_ReadsBackEmptyNotCleared()
    {
        var key = NewKey();

        var etag = await Storage.WriteAsync(key, ReadOnlyMemory<byte>.Empty, null);

        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.NotNull(record.Data);
        Assert.Empty(record.Data);
        Assert.Equal(etag, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_LargePayload_RoundTrips()
    {
        var key = NewKey();
        var data = ContractData.Payload(1024 * 1024, seed: 7);

        var etag = await Storage.WriteAsync(key, data, null);

        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(etag, record.Etag);
        Assert.True(data.AsSpan().SequenceEqual(record.Data), "The 1 MB payload read back differs from the one written.");
    }

    [Fact]
    public async Task WriteAsync_SliceOfLargerBuffer_StoresOnlyTheSlice()
    {
        var key = NewKey();
        var buffer = ContractData.Payload(64, seed: 1);

        await Storage.WriteAsync(key, buffer.AsMemory(8, 16), null);

        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(buffer[8..24], record.Data);
    }

    [Fact]
    public async Task WriteAsync_CallerChangesBufferAfterWrite_StoredDataUnchanged()
    {
        var key = NewKey();
        var buffer = ContractData.Payload(32, seed: 1);
        var expected = buffer.ToArray();

        await Storage.WriteAsync(key, buffer, null);
        Array.Fill(buffer, (byte)0xFF);

        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(expected, record.Data);
    }

    [Fact]
    public async Task ReadAsync_CallerChangesReturnedData_StoredDataUnchanged()
    {
        var key = NewKey();
        var expected = ContractData.Payload(32, seed: 1);
        await Storage.WriteAsync(key, expected, null);
        var first = await Storage.ReadAsync(key);
        Assert.NotNull(first?.Data);

        Array.Fill(first.Data, (byte)0xFF);

        var second = await Storage.ReadAsync(key);
        Assert.NotNull(second);
        Assert.Equal(expected, second.Data);
    }

    [Fact]
    public async Task ClearAsync_CurrentEtag_LeavesTombstoneWithEtagNeverSeenBefore()
    {
        var key = NewKey();
        var first = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var second = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 2), first);

        var tombstone = await Storage.ClearAsync(key, second);

        Assert.DoesNotContain(tombstone, new[] { first, second });
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Null(record.Data);
        Assert.Equal(tombstone, record.Etag);
    }

    [Fact]
    public async Task ClearAsync_StaleEtag_ThrowsInconsistentStateAndKeepsData()
    {
        var key = NewKey();
        var stale = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var kept = ContractData.Payload(10, seed: 2);
        var current = await Storage.WriteAsync(key, kept, stale);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(key, stale));

        Assert.Equal(current, exception.StoredEtag);
        Assert.Equal(stale, exception.CurrentEtag);
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(kept, record.Data);
        Assert.Equal(current, record.Etag);
    }

    [Fact]
    public async Task ClearAsync_NullEtagOnUnknownKey_StoresTombstone()
    {
        var key = NewKey();

        var tombstone = await Storage.ClearAsync(key, null);

        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Null(record.Data);
        Assert.Equal(tombstone, record.Etag);
    }

    [Fact]
    public async Task ClearAsync_Twice_EachTombstoneHasNewEtag()
    {
        var key = NewKey();
        var written = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var firstTombstone = await Storage.ClearAsync(key, written);

        var secondTombstone = await Storage.ClearAsync(key, firstTombstone);

        Assert.Equal(3, new HashSet<string>(StringComparer.Ordinal) { written, firstTombstone, secondTombstone }.Count);
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Null(record.Data);
        Assert.Equal(secondTombstone, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_AfterClearWithTombstoneEtag_StoresDataUnderNewEtag()
    {
        var key = NewKey();
        var written = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var tombstone = await Storage.ClearAsync(key, written);
        var data = ContractData.Payload(10, seed: 2);

        var rewritten = await Storage.WriteAsync(key, data, tombstone);

        Assert.DoesNotContain(rewritten, new[] { written, tombstone });
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(data, record.Data);
        Assert.Equal(rewritten, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_AfterClearWithPreClearEtag_ThrowsInconsistentState()
    {
        var key = NewKey();
        var written = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var tombstone = await Storage.ClearAsync(key, written);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(key, ContractData.Payload(10, seed: 2), written));

        Assert.Equal(tombstone, exception.StoredEtag);
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Null(record.Data);
        Assert.Equal(tombstone, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_AfterClearWithNullEtag_ThrowsInconsistentState()
    {
        var key = NewKey();
        var written = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var tombstone = await Storage.ClearAsync(key, written);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteAsync(key, ContractData.Payload(10, seed: 2), null));

        Assert.Equal(tombstone, exception.StoredEtag);
        Assert.Null(exception.CurrentEtag);
    }

    [Theory]
    [InlineData(nameof(GrainStateKey.GrainType))]
    [InlineData(nameof(GrainStateKey.GrainKey))]
    [InlineData(nameof(GrainStateKey.StateName))]
    public async Task WriteAsync_KeysDifferingInOnePart_AreIndependent(string differingPart)
    {
        var key = NewKey();
        var other = differingPart switch
        {
            nameof(GrainStateKey.GrainType) => key with { GrainType = key.GrainType + "x" },
            nameof(GrainStateKey.GrainKey) => key with { GrainKey = key.GrainKey + "x" },
            _ => key with { StateName = key.StateName + "x" },
        };
        var data = ContractData.Payload(10, seed: 1);
        var otherData = ContractData.Payload(10, seed: 2);

        var etag = await Storage.WriteAsync(key, data, null);
        var otherEtag = await Storage.WriteAsync(other, otherData, null);
        await Storage.ClearAsync(other, otherEtag);

        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(data, record.Data);
        Assert.Equal(etag, record.Etag);
        var otherRecord = await Storage.ReadAsync(other);
        Assert.NotNull(otherRecord);
        Assert.Null(otherRecord.Data);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersWithSameEtag_ExactlyOneWins()
    {
        const int Writers = 16;
        var key = NewKey();
        var etag = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 0), null);
        var payloads = Enumerable.Range(1, Writers).Select(seed => ContractData.Payload(10, seed)).ToArray();

        var attempts = payloads.Select(data => Task.Run(() => Storage.WriteAsync(key, data, etag))).ToArray();
        var outcomes = await Task.WhenAll(attempts.Select(CaptureAsync));

        var winner = Assert.Single(outcomes, o => o.Etag is not null);
        Assert.Equal(Writers - 1, outcomes.Count(o => o.Error is InconsistentStateException));
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(payloads[Array.IndexOf(outcomes, winner)], record.Data);
        Assert.Equal(winner.Etag, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentFirstWrites_ExactlyOneWins()
    {
        const int Writers = 16;
        var key = NewKey();
        var payloads = Enumerable.Range(1, Writers).Select(seed => ContractData.Payload(10, seed)).ToArray();

        var attempts = payloads.Select(data => Task.Run(() => Storage.WriteAsync(key, data, null))).ToArray();
        var outcomes = await Task.WhenAll(attempts.Select(CaptureAsync));

        var winner = Assert.Single(outcomes, o => o.Etag is not null);
        Assert.Equal(Writers - 1, outcomes.Count(o => o.Error is InconsistentStateException));
        var record = await Storage.ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(payloads[Array.IndexOf(outcomes, winner)], record.Data);
        Assert.Equal(winner.Etag, record.Etag);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOnDistinctKeys_AllSucceed()
    {
        const int Writers = 32;
        var keys = Enumerable.Range(0, Writers).Select(_ => NewKey()).ToArray();

        var etags = await Task.WhenAll(keys.Select((key, i) => Task.Run(() => Storage.WriteAsync(key, ContractData.Payload(10, i), null))));

        for (var i = 0; i < Writers; i++)
        {
            var record = await Storage.ReadAsync(keys[i]);
            Assert.NotNull(record);
            Assert.Equal(ContractData.Payload(10, i), record.Data);
            Assert.Equal(etags[i], record.Etag);
        }
    }

    [Fact]
    public async Task WriteAsync_CanceledToken_ThrowsOperationCanceledAndStoresNothing()
    {
        var key = NewKey();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null, cancellation.Token));

        Assert.Null(await Storage.ReadAsync(key));
    }

    [Fact]
    public async Task ReadAsync_AfterReopen_ReturnsRecordOnlyWhenDurable()
    {
        var key = NewKey();
        var data = ContractData.Payload(100, seed: 1);
        var etag = await Storage.WriteAsync(key, data, null);

        var reopened = await ReopenStorageAsync();

        var record = await reopened.ReadAsync(key);
        if (IsDurable)
        {
            Assert.NotNull(record);
            Assert.Equal(data, record.Data);
            Assert.Equal(etag, record.Etag);
        }
        else
        {
            Assert.Null(record);
        }
    }

    [Fact]
    public async Task WriteAsync_AfterReopenWithTombstoneEtag_SucceedsOnlyWhenDurable()
    {
        var key = NewKey();
        var written = await Storage.WriteAsync(key, ContractData.Payload(10, seed: 1), null);
        var tombstone = await Storage.ClearAsync(key, written);

        var reopened = await ReopenStorageAsync();

        if (IsDurable)
        {
            var record = await reopened.ReadAsync(key);
            Assert.NotNull(record);
            Assert.Null(record.Data);
            Assert.Equal(tombstone, record.Etag);
            var rewritten = await reopened.WriteAsync(key, ContractData.Payload(10, seed: 2), tombstone);
            Assert.DoesNotContain(rewritten, new[] { written, tombstone });
        }
        else
        {
            Assert.Null(await reopened.ReadAsync(key));
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => reopened.WriteAsync(key, ContractData.Payload(10, seed: 2), tombstone));
        }
    }

    private async Task<IGrainStorage> ReopenStorageAsync()
    {
        var current = Storage;
        _storage = null;
        _storage = await ReopenAsync(current);
        return _storage;
    }

    private static async Task<(string? Etag, Exception? Error)> CaptureAsync(Task<string> write)
    {
        try
        {
            return (await write, null);
        }
        catch (InconsistentStateException exception)
        {
            return (null, exception);
        }
    }
}
