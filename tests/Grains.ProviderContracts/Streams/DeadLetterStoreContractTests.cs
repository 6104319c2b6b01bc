using System.Runtime.InteropServices;
using Grains.Streams;
using Xunit;

namespace Grains.ProviderContracts.Streams;

/// <summary>
/// What every <see cref="IDeadLetterStore"/> must do. A provider's test project subclasses this once; xunit creates a
/// new instance, and so a new store, for every test. Listing is oldest first by <see cref="DeadLetter.FailedAt"/>,
/// ties in the order added; adding an id already there throws <see cref="InvalidOperationException"/> and keeps the
/// stored letter; a limit below one throws <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public abstract class DeadLetterStoreContractTests : IAsyncLifetime
{
    /// <summary>A fixed instant with sub-millisecond ticks and a non-UTC offset, to catch lossy time storage.</summary>
    protected static readonly DateTimeOffset BaseTime = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234);

    private IDeadLetterStore? _store;

    /// <summary>The store under test.</summary>
    protected IDeadLetterStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>True when letters survive <see cref="ReopenAsync"/>; stores that are not durable must lose them.</summary>
    protected abstract bool IsDurable { get; }

    /// <summary>Creates the store under test, over this test's backing store.</summary>
    protected abstract Task<IDeadLetterStore> CreateStoreAsync();

    /// <summary>Releases a store created by <see cref="CreateStoreAsync"/>.</summary>
    protected virtual Task ReleaseStoreAsync(IDeadLetterStore store) => Task.CompletedTask;

    /// <summary>Closes the store under test and creates a new one over the same backing store, as a restart would.</summary>
    protected virtual async Task<IDeadLetterStore> ReopenAsync(IDeadLetterStore current)
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

    /// <summary>A letter with a fresh id that failed at <paramref name="failedAt"/> (default <see cref="BaseTime"/>).</summary>
    protected static DeadLetter NewLetter(DateTimeOffset? failedAt = null, int seed = 1, int bodyLength = 24) =>
        new(
            ContractData.UniqueName("letter"),
            "grains",
            "projection",
            new StreamEvent(
                3,
                17,
                4096,
                BaseTime.AddMinutes(-5).AddTicks(seed),
                "orders",
                ContractData.UniqueName("order"),
                ContractData.UniqueName("evt"),
                ContractData.Payload(bodyLength, seed)),
            "System.InvalidOperationException",
            $"Projection failed on attempt {seed}: ünïcode and \"quotes\"",
            5,
            failedAt ?? BaseTime);

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("missing"));
    }

    [Fact]
    public async Task AddAsync_ThenGet_RoundTripsEveryFieldAndTheBody()
    {
        var letter = NewLetter();

        await Store.AddAsync(letter);

        AssertLetter(letter, await Store.GetAsync(letter.Id));
    }

    [Fact]
    public async Task AddAsync_EmptyBody_RoundTripsEmpty()
    {
        var letter = NewLetter(bodyLength: 0);

        await Store.AddAsync(letter);

        var stored = await Store.GetAsync(letter.Id);
        Assert.NotNull(stored);
        Assert.Equal(0, stored.Event.Body.Length);
    }

    [Fact]
    public async Task AddAsync_DuplicateId_ThrowsInvalidOperationAndKeepsTheFirst()
    {
        var first = NewLetter(seed: 1);
        await Store.AddAsync(first);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddAsync(NewLetter(seed: 2) with { Id = first.Id }));

        Assert.Contains(first.Id, error.Message, StringComparison.Ordinal);
        AssertLetter(first, await Store.GetAsync(first.Id));
        Assert.Equal(1, await Store.CountAsync());
    }

    [Fact]
    public async Task ListAsync_AddedOutOfOrder_ReturnsOldestFailureFirst()
    {
        var late = NewLetter(BaseTime.AddMinutes(2));
        var early = NewLetter(BaseTime);
        var middle = NewLetter(BaseTime.AddTicks(1));
        foreach (var letter in new[] { late, early, middle })
        {
            await Store.AddAsync(letter);
        }

        var listed = await Store.ListAsync(10);

        Assert.Equal([early.Id, middle.Id, late.Id], listed.Select(l => l.Id));
        AssertLetter(middle, listed[1]);
    }

    [Fact]
    public async Task ListAsync_SameFailureTime_ReturnsInOrderAdded()
    {
        var letters = Enumerable.Range(1, 4).Select(seed => NewLetter(BaseTime, seed)).ToArray();
        foreach (var letter in letters)
        {
            await Store.AddAsync(letter);
        }

        Assert.Equal(letters.Select(l => l.Id), (await Store.ListAsync(10)).Select(l => l.Id));
    }

    [Fact]
    public async Task ListAsync_Limit_ReturnsOnlyTheOldest()
    {
        var letters = Enumerable.Range(0, 5).Select(i => NewLetter(BaseTime.AddSeconds(5 - i), i)).ToArray();
        foreach (var letter in letters)
        {
            await Store.AddAsync(letter);
        }

        Assert.Equal([letters[4].Id, letters[3].Id], (await Store.ListAsync(2)).Select(l => l.Id));
    }

    [Fact]
    public async Task ListAsync_Empty_ReturnsEmpty()
    {
        Assert.Empty(await Store.ListAsync(10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ListAsync_LimitBelowOne_ThrowsArgumentOutOfRange(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(limit));
    }

    [Fact]
    public async Task CountAsync_CountsLettersHeld()
    {
        Assert.Equal(0, await Store.CountAsync());
        await Store.AddAsync(NewLetter());
        await Store.AddAsync(NewLetter());

        Assert.Equal(2, await Store.CountAsync());
    }

    [Fact]
    public async Task RemoveAsync_Held_ReturnsTrueThenFalse()
    {
        var (removed, kept) = (NewLetter(), NewLetter());
        await Store.AddAsync(removed);
        await Store.AddAsync(kept);

        Assert.True(await Store.RemoveAsync(removed.Id));
        Assert.False(await Store.RemoveAsync(removed.Id));

        Assert.Null(await Store.GetAsync(removed.Id));
        Assert.Equal(1, await Store.CountAsync());
        Assert.Equal([kept.Id], (await Store.ListAsync(10)).Select(l => l.Id));
    }

    [Fact]
    public async Task RemoveAsync_UnknownId_ReturnsFalse()
    {
        await Store.AddAsync(NewLetter());

        Assert.False(await Store.RemoveAsync("missing"));
        Assert.Equal(1, await Store.CountAsync());
    }

    [Fact]
    public async Task AddAsync_AfterRemove_SameIdIsAcceptedAgain()
    {
        var letter = NewLetter(seed: 1);
        await Store.AddAsync(letter);
        await Store.RemoveAsync(letter.Id);
        var replay = NewLetter(seed: 2) with { Id = letter.Id };

        await Store.AddAsync(replay);

        AssertLetter(replay, await Store.GetAsync(letter.Id));
    }

    [Fact]
    public async Task AddAsync_CallerChangesBodyAfterAdd_StoredBodyUnchanged()
    {
        var buffer = ContractData.Payload(16, seed: 1);
        var expected = buffer.ToArray();
        var letter = NewLetter();
        letter = letter with { Event = letter.Event with { Body = buffer } };

        await Store.AddAsync(letter);
        Array.Fill(buffer, (byte)0xFF);

        Assert.Equal(expected, (await Store.GetAsync(letter.Id))?.Event.Body.ToArray());
    }

    [Fact]
    public async Task GetAsync_CallerChangesReturnedBody_StoredBodyUnchanged()
    {
        var letter = NewLetter();
        await Store.AddAsync(letter);
        var first = await Store.GetAsync(letter.Id);
        Assert.NotNull(first);
        Assert.True(MemoryMarshal.TryGetArray(first.Event.Body, out var segment));

        Array.Fill(segment.Array!, (byte)0xFF);

        AssertLetter(letter, await Store.GetAsync(letter.Id));
    }

    [Fact]
    public async Task GetAsync_AfterReopen_ReturnsLetterOnlyWhenDurable()
    {
        var letter = NewLetter();
        await Store.AddAsync(letter);

        var reopened = await ReopenStoreAsync();

        if (IsDurable)
        {
            AssertLetter(letter, await reopened.GetAsync(letter.Id));
            Assert.Equal(1, await reopened.CountAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.AddAsync(letter));
        }
        else
        {
            Assert.Null(await reopened.GetAsync(letter.Id));
            Assert.Equal(0, await reopened.CountAsync());
        }
    }

    /// <summary>Letters compare field by field: the body is bytes, not a reference.</summary>
    protected static void AssertLetter(DeadLetter expected, DeadLetter? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Event = expected.Event with { Body = default } }, actual with { Event = actual.Event with { Body = default } });
        Assert.Equal(expected.FailedAt.UtcTicks, actual.FailedAt.UtcTicks);
        Assert.Equal(expected.Event.EnqueuedTime.UtcTicks, actual.Event.EnqueuedTime.UtcTicks);
        Assert.Equal(expected.Event.Body.ToArray(), actual.Event.Body.ToArray());
    }

    private async Task<IDeadLetterStore> ReopenStoreAsync()
    {
        var current = Store;
        _store = null;
        _store = await ReopenAsync(current);
        return _store;
    }
}
