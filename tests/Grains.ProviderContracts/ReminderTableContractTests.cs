using Grains.Reminders;
using Xunit;

namespace Grains.ProviderContracts;

/// <summary>
/// What every <see cref="IReminderTable"/> must do. A provider's test project subclasses this once; xunit creates a new
/// instance, and so a new table, for every test.
/// </summary>
public abstract class ReminderTableContractTests : IAsyncLifetime
{
    /// <summary>A fixed instant with sub-millisecond ticks and a non-UTC offset, to catch lossy time storage.</summary>
    protected static readonly DateTimeOffset BaseTime = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234);

    private IReminderTable? _table;

    /// <summary>The table under test.</summary>
    protected IReminderTable Table => _table ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>True when reminders survive <see cref="ReopenAsync"/>; tables that are not durable must lose them.</summary>
    protected abstract bool IsDurable { get; }

    /// <summary>Creates the table under test, over this test's backing store.</summary>
    protected abstract Task<IReminderTable> CreateTableAsync();

    /// <summary>Releases a table created by <see cref="CreateTableAsync"/>.</summary>
    protected virtual Task ReleaseTableAsync(IReminderTable table) => Task.CompletedTask;

    /// <summary>
    /// Closes the table under test and creates a new instance over the same backing store, as a process restart would.
    /// By default releases it and calls <see cref="CreateTableAsync"/> again.
    /// </summary>
    protected virtual async Task<IReminderTable> ReopenAsync(IReminderTable current)
    {
        await ReleaseTableAsync(current);
        return await CreateTableAsync();
    }

    public virtual async Task InitializeAsync() => _table = await CreateTableAsync();

    public virtual async Task DisposeAsync()
    {
        if (_table is not null)
        {
            await ReleaseTableAsync(_table);
            _table = null;
        }
    }

    /// <summary>A grain no other test uses.</summary>
    protected static GrainId NewGrain(string? type = null) =>
        GrainId.Create(type ?? ContractData.UniqueName("reminder-type"), ContractData.UniqueName("key"));

    /// <summary>A partition no other test uses, so due-reminder queries see only this test's rows.</summary>
    protected static int NewPartition() => ContractData.UniqueNumber();

    [Fact]
    public async Task ReadAsync_UnknownReminder_ReturnsNull()
    {
        Assert.Null(await Table.ReadAsync(NewGrain(), "missing"));
    }

    [Fact]
    public async Task UpsertAsync_NewReminder_ReadReturnsItWithReturnedEtag()
    {
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.FromMinutes(5), Partition: 7, ETag: "ignored");

        var etag = await Table.UpsertAsync(entry);

        Assert.False(string.IsNullOrEmpty(etag));
        var read = await Table.ReadAsync(entry.GrainId, entry.Name);
        Assert.Equal(entry with { ETag = etag }, read);
        Assert.NotNull(read);
        Assert.Equal(BaseTime.UtcTicks, read.StartAt.UtcTicks);
    }

    [Fact]
    public async Task UpsertAsync_EachCall_ReturnsNewEtagAndReplacesValues()
    {
        var grain = NewGrain();
        var first = new ReminderEntry(grain, "tick", BaseTime, TimeSpan.FromMinutes(5), 1);
        var second = first with { StartAt = BaseTime.AddHours(1), Period = TimeSpan.FromMinutes(10), Partition = 2 };
        var third = first with { Period = TimeSpan.Zero, Partition = 3 };

        var etags = new[] { await Table.UpsertAsync(first), await Table.UpsertAsync(second), await Table.UpsertAsync(third) };

        Assert.Equal(3, etags.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(third with { ETag = etags[2] }, await Table.ReadAsync(grain, "tick"));
    }

    [Fact]
    public async Task UpsertAsync_AfterRemove_ReturnsEtagNeverSeenBefore()
    {
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.Zero, 1);
        var first = await Table.UpsertAsync(entry);
        Assert.True(await Table.RemoveAsync(entry.GrainId, entry.Name, first));

        var second = await Table.UpsertAsync(entry);

        Assert.NotEqual(first, second);
        Assert.False(await Table.RemoveAsync(entry.GrainId, entry.Name, first));
        Assert.Equal(entry with { ETag = second }, await Table.ReadAsync(entry.GrainId, entry.Name));
    }

    [Fact]
    public async Task UpsertAsync_ConcurrentCalls_ReturnDistinctEtags()
    {
        const int Calls = 32;
        var grain = NewGrain();

        var etags = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i =>
            Task.Run(() => Table.UpsertAsync(new ReminderEntry(grain, $"r{i % 4}", BaseTime, TimeSpan.FromMinutes(1), 1)))));

        Assert.Equal(Calls, etags.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, (await Table.ReadAllAsync(grain)).Count);
    }

    [Fact]
    public async Task ReadAllAsync_UnknownGrain_ReturnsEmpty()
    {
        Assert.Empty(await Table.ReadAllAsync(NewGrain()));
    }

    [Fact]
    public async Task ReadAllAsync_SeveralGrains_ReturnsOnlyThatGrainsReminders()
    {
        var grain = NewGrain();
        var sameKeyOtherType = GrainId.Create(grain.Type.Name + "x", grain.Key);
        var sameTypeOtherKey = GrainId.Create(grain.Type, grain.Key + "x");
        var mine = new[]
        {
            new ReminderEntry(grain, "a", BaseTime, TimeSpan.FromMinutes(1), 1),
            new ReminderEntry(grain, "b", BaseTime.AddMinutes(1), TimeSpan.Zero, 1),
        };
        var etags = new List<string>();
        foreach (var entry in mine)
        {
            etags.Add(await Table.UpsertAsync(entry));
        }

        await Table.UpsertAsync(new ReminderEntry(sameKeyOtherType, "a", BaseTime, TimeSpan.FromMinutes(1), 1));
        await Table.UpsertAsync(new ReminderEntry(sameTypeOtherKey, "a", BaseTime, TimeSpan.FromMinutes(1), 1));

        var all = await Table.ReadAllAsync(grain);

        Assert.Equal(
            [mine[0] with { ETag = etags[0] }, mine[1] with { ETag = etags[1] }],
            all.OrderBy(e => e.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemoveAsync_CurrentEtag_ReturnsTrueAndRemoves()
    {
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.FromMinutes(1), 1);
        var etag = await Table.UpsertAsync(entry);

        Assert.True(await Table.RemoveAsync(entry.GrainId, entry.Name, etag));

        Assert.Null(await Table.ReadAsync(entry.GrainId, entry.Name));
        Assert.Empty(await Table.ReadAllAsync(entry.GrainId));
    }

    [Fact]
    public async Task RemoveAsync_StaleEtag_ReturnsFalseAndKeepsReminder()
    {
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.FromMinutes(1), 1);
        var stale = await Table.UpsertAsync(entry);
        var current = await Table.UpsertAsync(entry);

        Assert.False(await Table.RemoveAsync(entry.GrainId, entry.Name, stale));

        Assert.Equal(entry with { ETag = current }, await Table.ReadAsync(entry.GrainId, entry.Name));
    }

    [Fact]
    public async Task RemoveAsync_UnknownReminder_ReturnsFalse()
    {
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.FromMinutes(1), 1);
        var etag = await Table.UpsertAsync(entry);

        Assert.False(await Table.RemoveAsync(entry.GrainId, "other", etag));
        Assert.False(await Table.RemoveAsync(NewGrain(), entry.Name, etag));
        Assert.False(await Table.RemoveAsync(entry.GrainId, entry.Name, "not-an-etag"));
        Assert.NotNull(await Table.ReadAsync(entry.GrainId, entry.Name));
    }

    [Fact]
    public async Task ReadDueAsync_SeveralPartitions_ReturnsOnlyOwnedPartitions()
    {
        var (owned1, owned2, foreign) = (NewPartition(), NewPartition(), NewPartition());
        var grain = NewGrain();
        var inOwned1 = new ReminderEntry(grain, "a", BaseTime, TimeSpan.FromMinutes(1), owned1);
        var inOwned2 = new ReminderEntry(grain, "b", BaseTime, TimeSpan.Zero, owned2);
        var inForeign = new ReminderEntry(grain, "c", BaseTime, TimeSpan.FromMinutes(1), foreign);
        var etag1 = await Table.UpsertAsync(inOwned1);
        var etag2 = await Table.UpsertAsync(inOwned2);
        await Table.UpsertAsync(inForeign);

        var due = await Table.ReadDueAsync([owned1, owned2], BaseTime.AddMinutes(1));

        Assert.Equal(
            [inOwned1 with { ETag = etag1 }, inOwned2 with { ETag = etag2 }],
            due.OrderBy(e => e.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadDueAsync_OneShotReminders_ReturnsOnlyThoseStartingBeforeDueTime()
    {
        var partition = NewPartition();
        var grain = NewGrain();
        var dueBefore = BaseTime.AddMinutes(10);
        var early = new ReminderEntry(grain, "early", dueBefore.AddTicks(-1), TimeSpan.Zero, partition);
        var exact = new ReminderEntry(grain, "exact", dueBefore, TimeSpan.Zero, partition);
        var late = new ReminderEntry(grain, "late", dueBefore.AddMinutes(1), TimeSpan.Zero, partition);
        var earlyEtag = await Table.UpsertAsync(early);
        await Table.UpsertAsync(exact);
        await Table.UpsertAsync(late);

        var due = await Table.ReadDueAsync([partition], dueBefore);

        Assert.Equal([early with { ETag = earlyEtag }], due);
    }

    [Fact]
    public async Task ReadDueAsync_PeriodicReminders_ReturnsThemWhateverTheirStart()
    {
        var partition = NewPartition();
        var grain = NewGrain();
        var dueBefore = BaseTime;
        var started = new ReminderEntry(grain, "started", dueBefore.AddDays(-1), TimeSpan.FromMinutes(1), partition);
        var future = new ReminderEntry(grain, "future", dueBefore.AddDays(30), TimeSpan.FromHours(1), partition);
        var startedEtag = await Table.UpsertAsync(started);
        var futureEtag = await Table.UpsertAsync(future);

        var due = await Table.ReadDueAsync([partition], dueBefore);

        Assert.Equal(
            [future with { ETag = futureEtag }, started with { ETag = startedEtag }],
            due.OrderBy(e => e.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadDueAsync_NoPartitions_ReturnsEmpty()
    {
        await Table.UpsertAsync(new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.FromMinutes(1), NewPartition()));

        Assert.Empty(await Table.ReadDueAsync([], BaseTime.AddYears(1)));
    }

    [Fact]
    public async Task ReadDueAsync_AfterRemove_NoLongerReturnsReminder()
    {
        var partition = NewPartition();
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.FromMinutes(1), partition);
        var etag = await Table.UpsertAsync(entry);
        Assert.True(await Table.RemoveAsync(entry.GrainId, entry.Name, etag));

        Assert.Empty(await Table.ReadDueAsync([partition], BaseTime.AddYears(1)));
    }

    [Fact]
    public async Task ReadAsync_AfterReopen_ReturnsReminderOnlyWhenDurable()
    {
        var partition = NewPartition();
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.FromMinutes(5), partition);
        var etag = await Table.UpsertAsync(entry);

        var reopened = await ReopenTableAsync();

        if (IsDurable)
        {
            Assert.Equal(entry with { ETag = etag }, await reopened.ReadAsync(entry.GrainId, entry.Name));
            Assert.Equal([entry with { ETag = etag }], await reopened.ReadDueAsync([partition], BaseTime));
            Assert.True(await reopened.RemoveAsync(entry.GrainId, entry.Name, etag));
        }
        else
        {
            Assert.Null(await reopened.ReadAsync(entry.GrainId, entry.Name));
            Assert.Empty(await reopened.ReadDueAsync([partition], BaseTime));
        }
    }

    [Fact]
    public async Task UpsertAsync_AfterReopen_ReturnsEtagNeverSeenBeforeWhenDurable()
    {
        var entry = new ReminderEntry(NewGrain(), "tick", BaseTime, TimeSpan.Zero, 1);
        var before = await Table.UpsertAsync(entry);
        Assert.True(await Table.RemoveAsync(entry.GrainId, entry.Name, before));

        var reopened = await ReopenTableAsync();
        var after = await reopened.UpsertAsync(entry);

        if (IsDurable)
        {
            // A delivery that read the reminder before the restart must not remove the new registration.
            Assert.NotEqual(before, after);
            Assert.False(await reopened.RemoveAsync(entry.GrainId, entry.Name, before));
            Assert.Equal(entry with { ETag = after }, await reopened.ReadAsync(entry.GrainId, entry.Name));
        }
        else
        {
            // Nothing outlives the instance, deliveries included, so only the new registration is visible.
            Assert.Equal([entry with { ETag = after }], await reopened.ReadAllAsync(entry.GrainId));
        }
    }

    private async Task<IReminderTable> ReopenTableAsync()
    {
        var current = Table;
        _table = null;
        _table = await ReopenAsync(current);
        return _table;
    }
}
