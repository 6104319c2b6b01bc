using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Grains.Runtime.Placement;
using Grains.Streams;
using Xunit;

namespace Grains.ProviderContracts.Streams;

/// <summary>
/// What every <see cref="IStreamLog"/> must do. A provider's test project subclasses this once; xunit creates a new
/// instance, and so a new log, for every test. Beyond the interface's own documentation, the suite fixes these
/// choices every provider makes the same way:
/// <list type="bullet">
/// <item>An empty partition reports <c>FirstSequenceNumber = LastSequenceNumber + 1</c>; one never appended to
/// reports 1 and 0, and no last enqueue time. Trimming keeps the last enqueue time.</item>
/// <item>An event id is recognised for exactly the de-duplication window from the append that stored it: a duplicate
/// arriving before the window has passed is dropped, one arriving when or after it has passed is stored again.
/// Duplicates are matched on the id alone, whatever their key.</item>
/// <item>Only the ids of the last <see cref="StreamStorageOptions.DeduplicationCapacity"/> events appended are
/// recognised, the oldest falling out first, one event at a time (so within a batch too); trimmed events count
/// towards that bound, but their ids are no longer recognised.</item>
/// <item>A durable log recognises the ids of events appended before a reopen, with the same window; after a reopen
/// the capacity keeps the newest events.</item>
/// <item>A null event, or one without namespace or event id, or with a null key, fails the whole batch with
/// <see cref="ArgumentException"/>; nothing of it is stored.</item>
/// <item><see cref="IStreamLog.Appended"/> is raised before the append's task completes (so tests assert right after
/// awaiting it), once per append that stored events, with exactly the partitions written.</item>
/// <item>A read starting before the first retained event starts at the first retained event; <c>maxCount</c> and
/// partitions out of range throw <see cref="ArgumentOutOfRangeException"/>.</item>
/// </list>
/// </summary>
public abstract class StreamLogContractTests : IAsyncLifetime
{
    /// <summary>Partitions of the log every test gets.</summary>
    protected const int PartitionCount = 4;

    /// <summary>De-duplication window of the log every test gets.</summary>
    protected static readonly TimeSpan DeduplicationWindow = TimeSpan.FromHours(1);

    private IStreamLog? _log;
    private StreamStorageOptions _options = WithCapacity(new StreamStorageOptions().DeduplicationCapacity);

    /// <summary>The log under test.</summary>
    protected IStreamLog Log => _log ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>True when appended events survive <see cref="ReopenAsync"/>; logs that are not durable must lose them.</summary>
    protected abstract bool IsDurable { get; }

    /// <summary>The clock the log reads; it moves only through <see cref="AdvanceClock"/>.</summary>
    protected abstract TimeProvider Clock { get; }

    protected abstract void AdvanceClock(TimeSpan delta);

    /// <summary>Creates the log under test on <see cref="Clock"/>, over this test's backing store, with <paramref name="options"/>.</summary>
    protected abstract Task<IStreamLog> CreateLogAsync(int partitionCount, StreamStorageOptions options);

    /// <summary>Releases a log created by <see cref="CreateLogAsync"/>.</summary>
    protected virtual Task ReleaseLogAsync(IStreamLog log) => Task.CompletedTask;

    /// <summary>
    /// Closes the log under test and creates a new one over the same backing store, as a process restart would. By
    /// default releases it and calls <see cref="CreateLogAsync"/> again.
    /// </summary>
    protected virtual async Task<IStreamLog> ReopenAsync(IStreamLog current, StreamStorageOptions options)
    {
        await ReleaseLogAsync(current);
        return await CreateLogAsync(PartitionCount, options);
    }

    public virtual async Task InitializeAsync() => _log = await CreateLogAsync(PartitionCount, _options);

    public virtual async Task DisposeAsync()
    {
        if (_log is not null)
        {
            await ReleaseLogAsync(_log);
            _log = null;
        }
    }

    /// <summary>The <paramref name="index"/>-th of the keys <c>key-0</c>, <c>key-1</c>… that hash onto <paramref name="partition"/>.</summary>
    protected static string KeyOn(int partition, int index = 0)
    {
        for (var candidate = 0; ; candidate++)
        {
            var key = $"key-{candidate}";
            if (PartitionHash.GetPartition(key, PartitionCount) == partition && index-- == 0)
            {
                return key;
            }
        }
    }

    /// <summary>An event with a fresh id and a body of <paramref name="length"/> bytes that depend on <paramref name="seed"/>.</summary>
    protected static StreamEventData NewEvent(string key, int seed = 1, int length = 16, string? eventId = null) =>
        new("orders", key, eventId ?? ContractData.UniqueName("evt"), ContractData.Payload(length, seed));

    [Fact]
    public void PartitionCount_ReturnsCountTheLogWasCreatedWith()
    {
        Assert.Equal(PartitionCount, Log.PartitionCount);
    }

    [Fact]
    public async Task AppendAsync_EventsOnSeveralKeys_PlacesEachOnPartitionHashOfItsKey()
    {
        var events = Enumerable.Range(0, 40).Select(i => NewEvent($"customer-{i}", seed: i)).ToArray();

        var result = await Log.AppendAsync(events);

        Assert.Equal(0, result.Duplicates);
        Assert.Equal(events.Select(e => PartitionHash.GetPartition(e.Key, PartitionCount)), result.Appended.Select(p => p.Partition));
        Assert.Equal(PartitionCount, result.Appended.Select(p => p.Partition).Distinct().Count());
    }

    [Fact]
    public async Task AppendAsync_SeveralAppends_SequenceNumbersStartAtOneAndIncreaseByOnePerPartition()
    {
        var (a, b) = (KeyOn(0), KeyOn(2));

        var first = await Log.AppendAsync([NewEvent(a), NewEvent(b), NewEvent(a)]);
        var second = await Log.AppendAsync([NewEvent(b), NewEvent(a)]);

        Assert.Equal([new StreamPosition(0, 1), new StreamPosition(2, 1), new StreamPosition(0, 2)], first.Appended);
        Assert.Equal([new StreamPosition(2, 2), new StreamPosition(0, 3)], second.Appended);
    }

    [Fact]
    public async Task ReadAsync_AfterAppends_ReturnsPartitionsEventsInAppendOrderWithEveryField()
    {
        var now = Clock.GetUtcNow();
        var (keyA, keyB, other) = (KeyOn(1, 0), KeyOn(1, 1), KeyOn(3));
        var e1 = NewEvent(keyA, seed: 1, length: 5);
        var e2 = NewEvent(other, seed: 2);
        var e3 = NewEvent(keyB, seed: 3, length: 7);
        await Log.AppendAsync([e1, e2]);
        var e4 = new StreamEventData("payments", keyA, ContractData.UniqueName("evt"), ContractData.Payload(3, seed: 4));
        await Log.AppendAsync([e3, e4]);

        var events = await Log.ReadAsync(1, 1, 100);

        Assert.Equal(3, events.Count);
        AssertEvent(e1, 1, 1, 0, now, events[0]);
        AssertEvent(e3, 1, 2, 5, now, events[1]);
        AssertEvent(e4, 1, 3, 12, now, events[2]);
    }

    [Fact]
    public async Task AppendAsync_BodiesOfVariousLengths_OffsetIsSumOfEarlierBodiesOfThePartition()
    {
        var (p0, p1) = (KeyOn(0), KeyOn(1));

        await Log.AppendAsync([NewEvent(p0, length: 10), NewEvent(p1, length: 100), NewEvent(p0, length: 0)]);
        await Log.AppendAsync([NewEvent(p0, length: 25), NewEvent(p1, length: 3), NewEvent(p0, length: 7)]);

        Assert.Equal([0L, 10, 10, 35], (await Log.ReadAsync(0, 1, 10)).Select(e => e.Offset));
        Assert.Equal([0L, 100], (await Log.ReadAsync(1, 1, 10)).Select(e => e.Offset));
    }

    [Fact]
    public async Task AppendAsync_EnqueuedTime_IsTheClocksTimeOfTheAppend()
    {
        var key = KeyOn(2);
        var start = Clock.GetUtcNow();
        await Log.AppendAsync([NewEvent(key)]);
        AdvanceClock(TimeSpan.FromMinutes(5));

        await Log.AppendAsync([NewEvent(key), NewEvent(key)]);

        Assert.Equal([start, start.AddMinutes(5), start.AddMinutes(5)], (await Log.ReadAsync(2, 1, 10)).Select(e => e.EnqueuedTime));
        Assert.Equal(start.AddMinutes(5), (await Log.GetPartitionInfoAsync(2)).LastEnqueuedTime);
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_StoresNothingAndRaisesNothing()
    {
        var raised = new ConcurrentQueue<IReadOnlyCollection<int>>();
        Log.Appended += raised.Enqueue;

        var result = await Log.AppendAsync([]);

        Assert.Empty(result.Appended);
        Assert.Equal(0, result.Duplicates);
        Assert.Empty(raised);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task AppendAsync_BatchWithEventWithoutId_ThrowsArgumentExceptionAndStoresNothing(string? invalidId)
    {
        var raised = new ConcurrentQueue<IReadOnlyCollection<int>>();
        Log.Appended += raised.Enqueue;
        var valid = NewEvent(KeyOn(0));
        var invalid = new StreamEventData("orders", KeyOn(1), invalidId!, ContractData.Payload(4, seed: 1));

        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync([valid, NewEvent(KeyOn(2)), invalid]));

        await AssertLogEmptyAsync();
        Assert.Empty(raised);
        var retried = await Log.AppendAsync([valid]);
        Assert.Equal([new StreamPosition(0, 1)], retried.Appended);
    }

    [Fact]
    public async Task AppendAsync_BatchWithNullEvent_ThrowsArgumentExceptionAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync([NewEvent(KeyOn(0)), null!]));

        await AssertLogEmptyAsync();
    }

    [Fact]
    public async Task AppendAsync_BatchWithEventWithoutNamespace_ThrowsArgumentExceptionAndStoresNothing()
    {
        var invalid = new StreamEventData("", KeyOn(1), ContractData.UniqueName("evt"), ContractData.Payload(4, seed: 1));

        await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync([NewEvent(KeyOn(0)), invalid]));

        await AssertLogEmptyAsync();
    }

    [Fact]
    public async Task AppendAsync_DuplicateWithinBatch_CountedAndStoredOnce()
    {
        var key = KeyOn(3);
        var first = NewEvent(key, seed: 1);
        var again = first with { Body = ContractData.Payload(8, seed: 2) };
        var other = NewEvent(key, seed: 3);

        var result = await Log.AppendAsync([first, again, other, first]);

        Assert.Equal(2, result.Duplicates);
        Assert.Equal([new StreamPosition(3, 1), new StreamPosition(3, 2)], result.Appended);
        var stored = await Log.ReadAsync(3, 1, 10);
        Assert.Equal([first.EventId, other.EventId], stored.Select(e => e.EventId));
        Assert.Equal(first.Body.ToArray(), stored[0].Body.ToArray());
    }

    [Fact]
    public async Task AppendAsync_DuplicateOfEarlierAppend_CountedAndNotStored()
    {
        var key = KeyOn(1);
        var original = NewEvent(key, seed: 1);
        await Log.AppendAsync([original]);
        AdvanceClock(TimeSpan.FromMinutes(1));
        var fresh = NewEvent(key, seed: 2);

        var result = await Log.AppendAsync([original, fresh]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal([new StreamPosition(1, 2)], result.Appended);
        Assert.Equal([original.EventId, fresh.EventId], (await Log.ReadAsync(1, 1, 10)).Select(e => e.EventId));
    }

    [Fact]
    public async Task AppendAsync_SameIdOnAnotherKey_IsDuplicate()
    {
        var original = NewEvent(KeyOn(0));
        await Log.AppendAsync([original]);

        var result = await Log.AppendAsync([original with { Key = KeyOn(2) }]);

        Assert.Equal(1, result.Duplicates);
        Assert.Empty(result.Appended);
        Assert.Equal(0, (await Log.GetPartitionInfoAsync(2)).LastSequenceNumber);
    }

    [Fact]
    public async Task AppendAsync_DuplicateJustBeforeWindowPassed_IsStillDuplicate()
    {
        var original = NewEvent(KeyOn(2));
        await Log.AppendAsync([original]);
        AdvanceClock(DeduplicationWindow - TimeSpan.FromTicks(1));

        var result = await Log.AppendAsync([original]);

        Assert.Equal(1, result.Duplicates);
        Assert.Empty(result.Appended);
    }

    [Fact]
    public async Task AppendAsync_DuplicateOnceWindowPassed_IsStoredAgainAndRememberedAnew()
    {
        var original = NewEvent(KeyOn(2));
        await Log.AppendAsync([original]);
        AdvanceClock(DeduplicationWindow);

        var again = await Log.AppendAsync([original]);
        AdvanceClock(DeduplicationWindow - TimeSpan.FromTicks(1));
        var third = await Log.AppendAsync([original]);

        Assert.Equal(0, again.Duplicates);
        Assert.Equal([new StreamPosition(2, 2)], again.Appended);
        Assert.Equal(1, third.Duplicates);
        Assert.Equal([original.EventId, original.EventId], (await Log.ReadAsync(2, 1, 10)).Select(e => e.EventId));
    }

    [Fact]
    public async Task AppendAsync_DuplicateAfterItsEventWasTrimmed_IsStoredAgain()
    {
        var original = NewEvent(KeyOn(1));
        var kept = NewEvent(KeyOn(1, 1));
        await Log.AppendAsync([original, kept]);
        AdvanceClock(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await Log.TrimAsync(1, 1, Clock.GetUtcNow()));

        var result = await Log.AppendAsync([original, kept]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal([new StreamPosition(1, 3)], result.Appended);
        Assert.Equal([kept.EventId, original.EventId], (await Log.ReadAsync(1, 1, 10)).Select(e => e.EventId));
    }

    [Fact]
    public async Task AppendAsync_DuplicateWithinCapacity_IsStillDuplicate()
    {
        await RecreateLogAsync(WithCapacity(3));
        var events = Enumerable.Range(0, 4).Select(i => NewEvent(KeyOn(i % PartitionCount), seed: i)).ToArray();
        await Log.AppendAsync(events);

        var result = await Log.AppendAsync(events[1..]);

        Assert.Equal(3, result.Duplicates);
        Assert.Empty(result.Appended);
    }

    [Fact]
    public async Task AppendAsync_DuplicateBeyondCapacity_OldestFellOutAndIsStoredAgain()
    {
        await RecreateLogAsync(WithCapacity(3));
        var key = KeyOn(2);
        var events = Enumerable.Range(0, 4).Select(i => NewEvent(key, seed: i)).ToArray();
        await Log.AppendAsync(events[..2]);
        await Log.AppendAsync(events[2..]);

        var result = await Log.AppendAsync([events[0]]);

        Assert.Equal(0, result.Duplicates);
        Assert.Equal([new StreamPosition(2, 5)], result.Appended);
    }

    [Fact]
    public async Task AppendAsync_BatchLargerThanCapacity_RepeatOfIdThatFellOutWithinBatchIsStoredAgain()
    {
        await RecreateLogAsync(WithCapacity(2));
        var key = KeyOn(0);
        var (a, b, c) = (NewEvent(key, seed: 1), NewEvent(key, seed: 2), NewEvent(key, seed: 3));

        var result = await Log.AppendAsync([a, b, c, a, c]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal([1L, 2, 3, 4], result.Appended.Select(p => p.SequenceNumber));
        Assert.Equal([a.EventId, b.EventId, c.EventId, a.EventId], (await Log.ReadAsync(0, 1, 10)).Select(e => e.EventId));
    }

    [Fact]
    public async Task AppendAsync_TrimmedEventsCountTowardsCapacity_OlderIdFallsOutAsIfNothingWasTrimmed()
    {
        await RecreateLogAsync(WithCapacity(2));
        var (a, b, c) = (NewEvent(KeyOn(0)), NewEvent(KeyOn(1)), NewEvent(KeyOn(2)));
        await Log.AppendAsync([a, b]);
        Assert.Equal(1, await Log.TrimAsync(1, long.MaxValue, DateTimeOffset.MaxValue));
        await Log.AppendAsync([c]);

        var result = await Log.AppendAsync([a, c]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal([new StreamPosition(0, 2)], result.Appended);
    }

    [Fact]
    public async Task AppendAsync_EmptyBody_ReadsBackEmptyAndAddsNothingToTheOffset()
    {
        var key = KeyOn(2);

        await Log.AppendAsync([new StreamEventData("orders", key, ContractData.UniqueName("evt"), ReadOnlyMemory<byte>.Empty), NewEvent(key)]);

        var events = await Log.ReadAsync(2, 1, 10);
        Assert.Equal(0, events[0].Body.Length);
        Assert.Equal(0, events[1].Offset);
    }

    [Fact]
    public async Task AppendAsync_LargeBody_RoundTrips()
    {
        var large = NewEvent(KeyOn(1), seed: 9, length: 1024 * 1024);

        await Log.AppendAsync([large, NewEvent(KeyOn(1))]);

        var events = await Log.ReadAsync(1, 1, 10);
        Assert.True(large.Body.Span.SequenceEqual(events[0].Body.Span), "The 1 MB body read back differs from the one appended.");
        Assert.Equal(1024 * 1024, events[1].Offset);
    }

    [Fact]
    public async Task AppendAsync_CallerChangesBodyAfterAppend_StoredBodyUnchanged()
    {
        var buffer = ContractData.Payload(32, seed: 1);
        var expected = buffer.ToArray();

        await Log.AppendAsync([new StreamEventData("orders", KeyOn(0), ContractData.UniqueName("evt"), buffer)]);
        Array.Fill(buffer, (byte)0xFF);

        Assert.Equal(expected, Assert.Single(await Log.ReadAsync(0, 1, 10)).Body.ToArray());
    }

    [Fact]
    public async Task AppendAsync_SliceOfLargerBuffer_StoresOnlyTheSliceAndCountsItsLength()
    {
        var buffer = ContractData.Payload(64, seed: 1);
        var key = KeyOn(3);

        await Log.AppendAsync([new StreamEventData("orders", key, ContractData.UniqueName("evt"), buffer.AsMemory(8, 16)), NewEvent(key)]);

        var events = await Log.ReadAsync(3, 1, 10);
        Assert.Equal(buffer[8..24], events[0].Body.ToArray());
        Assert.Equal(16, events[1].Offset);
    }

    [Fact]
    public async Task ReadAsync_CallerChangesReturnedBody_StoredBodyUnchanged()
    {
        var original = NewEvent(KeyOn(0), length: 32);
        await Log.AppendAsync([original]);
        var first = Assert.Single(await Log.ReadAsync(0, 1, 10));
        Assert.True(MemoryMarshal.TryGetArray(first.Body, out var segment));

        Array.Fill(segment.Array!, (byte)0xFF);

        Assert.Equal(original.Body.ToArray(), Assert.Single(await Log.ReadAsync(0, 1, 10)).Body.ToArray());
    }

    [Fact]
    public async Task ReadAsync_FromTheMiddle_StartsAtThatSequenceNumber()
    {
        await AppendToPartitionAsync(2, count: 6);

        var events = await Log.ReadAsync(2, 4, 100);

        Assert.Equal([4L, 5, 6], events.Select(e => e.SequenceNumber));
    }

    [Fact]
    public async Task ReadAsync_MaxCount_ReturnsAtMostThatManyInOrder()
    {
        await AppendToPartitionAsync(2, count: 6);

        var events = await Log.ReadAsync(2, 2, 3);

        Assert.Equal([2L, 3, 4], events.Select(e => e.SequenceNumber));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(100)]
    public async Task ReadAsync_BeyondTheEnd_ReturnsEmpty(long fromSequenceNumber)
    {
        await AppendToPartitionAsync(1, count: 3);

        Assert.Empty(await Log.ReadAsync(1, fromSequenceNumber, 10));
    }

    [Fact]
    public async Task ReadAsync_FromZero_StartsAtTheFirstEvent()
    {
        await AppendToPartitionAsync(1, count: 2);

        Assert.Equal([1L, 2], (await Log.ReadAsync(1, 0, 10)).Select(e => e.SequenceNumber));
    }

    [Fact]
    public async Task ReadAsync_EmptyPartition_ReturnsEmpty()
    {
        await AppendToPartitionAsync(1, count: 2);

        Assert.Empty(await Log.ReadAsync(0, 1, 10));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(PartitionCount)]
    public async Task ReadAsync_PartitionOutOfRange_ThrowsArgumentOutOfRange(int partition)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ReadAsync(partition, 1, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.GetPartitionInfoAsync(partition));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.TrimAsync(partition, 1, Clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ReadAsync_MaxCountBelowOne_ThrowsArgumentOutOfRange(int maxCount)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ReadAsync(0, 1, maxCount));
    }

    [Fact]
    public async Task GetPartitionInfoAsync_NeverAppended_FirstIsOneLastIsZeroAndNoTime()
    {
        Assert.Equal(new StreamPartitionInfo(3, 1, 0, null), await Log.GetPartitionInfoAsync(3));
    }

    [Fact]
    public async Task GetPartitionInfoAsync_AfterAppends_ReportsFirstLastAndLastEnqueuedTime()
    {
        await AppendToPartitionAsync(3, count: 2);
        AdvanceClock(TimeSpan.FromSeconds(30));
        await AppendToPartitionAsync(3, count: 3);

        Assert.Equal(new StreamPartitionInfo(3, 1, 5, Clock.GetUtcNow()), await Log.GetPartitionInfoAsync(3));
        Assert.Equal(new StreamPartitionInfo(0, 1, 0, null), await Log.GetPartitionInfoAsync(0));
    }

    [Fact]
    public async Task TrimAsync_RemovesOnlyEventsThroughSequenceNumberAndEnqueuedBeforeCutoff()
    {
        var start = Clock.GetUtcNow();
        await AppendToPartitionAsync(1, count: 2);
        AdvanceClock(TimeSpan.FromMinutes(10));
        await AppendToPartitionAsync(1, count: 2);

        var removed = await Log.TrimAsync(1, throughSequenceNumber: 3, enqueuedBefore: start.AddMinutes(10));

        Assert.Equal(2, removed);
        Assert.Equal([3L, 4], (await Log.ReadAsync(1, 1, 10)).Select(e => e.SequenceNumber));
        Assert.Equal(new StreamPartitionInfo(1, 3, 4, start.AddMinutes(10)), await Log.GetPartitionInfoAsync(1));
    }

    [Fact]
    public async Task TrimAsync_ThroughBelowOldEvents_KeepsEventsAfterThroughEvenIfOld()
    {
        await AppendToPartitionAsync(0, count: 4);
        AdvanceClock(TimeSpan.FromHours(2));

        var removed = await Log.TrimAsync(0, throughSequenceNumber: 2, enqueuedBefore: Clock.GetUtcNow());

        Assert.Equal(2, removed);
        Assert.Equal([3L, 4], (await Log.ReadAsync(0, 1, 10)).Select(e => e.SequenceNumber));
    }

    [Fact]
    public async Task TrimAsync_NothingMatches_ReturnsZeroAndKeepsEverything()
    {
        var start = Clock.GetUtcNow();
        await AppendToPartitionAsync(0, count: 3);

        Assert.Equal(0, await Log.TrimAsync(0, 3, enqueuedBefore: start));
        Assert.Equal(0, await Log.TrimAsync(0, 0, enqueuedBefore: DateTimeOffset.MaxValue));
        Assert.Equal(0, await Log.TrimAsync(2, 3, enqueuedBefore: DateTimeOffset.MaxValue));
        Assert.Equal(3, (await Log.ReadAsync(0, 1, 10)).Count);
    }

    [Fact]
    public async Task TrimAsync_EveryEvent_PartitionReportsFirstAsLastPlusOneAndKeepsLastTime()
    {
        await AppendToPartitionAsync(2, count: 3);
        var appendedAt = Clock.GetUtcNow();
        AdvanceClock(TimeSpan.FromMinutes(1));

        Assert.Equal(3, await Log.TrimAsync(2, long.MaxValue, DateTimeOffset.MaxValue));

        Assert.Equal(new StreamPartitionInfo(2, 4, 3, appendedAt), await Log.GetPartitionInfoAsync(2));
        Assert.Empty(await Log.ReadAsync(2, 1, 10));
    }

    [Fact]
    public async Task TrimAsync_ThenAppend_SequenceNumbersAndOffsetsContinue()
    {
        var key = KeyOn(2);
        await Log.AppendAsync([NewEvent(key, length: 10), NewEvent(key, length: 20)]);
        await Log.TrimAsync(2, long.MaxValue, DateTimeOffset.MaxValue);

        var result = await Log.AppendAsync([NewEvent(key, length: 5)]);

        Assert.Equal([new StreamPosition(2, 3)], result.Appended);
        var stored = Assert.Single(await Log.ReadAsync(2, 1, 10));
        Assert.Equal(3, stored.SequenceNumber);
        Assert.Equal(30, stored.Offset);
        Assert.Equal(new StreamPartitionInfo(2, 3, 3, Clock.GetUtcNow()), await Log.GetPartitionInfoAsync(2));
    }

    [Fact]
    public async Task TrimAsync_OnePartition_LeavesOtherPartitionsAlone()
    {
        await AppendToPartitionAsync(0, count: 2);
        await AppendToPartitionAsync(1, count: 2);

        await Log.TrimAsync(0, long.MaxValue, DateTimeOffset.MaxValue);

        Assert.Equal([1L, 2], (await Log.ReadAsync(1, 1, 10)).Select(e => e.SequenceNumber));
    }

    [Fact]
    public async Task ReadAsync_FromTrimmedSequenceNumber_StartsAtFirstRetained()
    {
        await AppendToPartitionAsync(3, count: 5);
        await Log.TrimAsync(3, 2, DateTimeOffset.MaxValue);

        Assert.Equal([3L, 4], (await Log.ReadAsync(3, 1, 2)).Select(e => e.SequenceNumber));
    }

    [Fact]
    public async Task Appended_OneAppendAcrossPartitions_RaisedOnceWithExactlyThosePartitions()
    {
        var raised = new ConcurrentQueue<IReadOnlyCollection<int>>();
        Log.Appended += raised.Enqueue;

        await Log.AppendAsync([NewEvent(KeyOn(3)), NewEvent(KeyOn(1)), NewEvent(KeyOn(3, 1))]);

        var partitions = Assert.Single(raised);
        Assert.Equal([1, 3], partitions.Order());
    }

    [Fact]
    public async Task Appended_AllDuplicates_NotRaised()
    {
        var original = NewEvent(KeyOn(0));
        await Log.AppendAsync([original]);
        var raised = new ConcurrentQueue<IReadOnlyCollection<int>>();
        Log.Appended += raised.Enqueue;

        await Log.AppendAsync([original, original]);

        Assert.Empty(raised);
    }

    [Fact]
    public async Task Appended_SomeDuplicates_RaisedWithOnlyPartitionsThatGotEvents()
    {
        var duplicate = NewEvent(KeyOn(0));
        await Log.AppendAsync([duplicate]);
        var raised = new ConcurrentQueue<IReadOnlyCollection<int>>();
        Log.Appended += raised.Enqueue;

        await Log.AppendAsync([duplicate, NewEvent(KeyOn(2))]);

        Assert.Equal([2], Assert.Single(raised));
    }

    [Fact]
    public async Task Appended_HandlerThrows_AppendSucceedsAndOtherHandlersStillRun()
    {
        var raised = new ConcurrentQueue<IReadOnlyCollection<int>>();
        Log.Appended += _ => throw new InvalidOperationException("handler failure");
        Log.Appended += raised.Enqueue;

        var result = await Log.AppendAsync([NewEvent(KeyOn(1))]);

        Assert.Equal([new StreamPosition(1, 1)], result.Appended);
        Assert.Equal([1], Assert.Single(raised));
        Assert.Single(await Log.ReadAsync(1, 1, 10));
    }

    [Fact]
    public async Task Appended_HandlerRemoved_NoLongerRaised()
    {
        var raised = new ConcurrentQueue<IReadOnlyCollection<int>>();
        Action<IReadOnlyCollection<int>> handler = raised.Enqueue;
        Log.Appended += handler;
        await Log.AppendAsync([NewEvent(KeyOn(1))]);

        Log.Appended -= handler;
        await Log.AppendAsync([NewEvent(KeyOn(1))]);

        Assert.Single(raised);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppenders_SequenceNumbersHaveNoGapsOrRepeats()
    {
        const int Appenders = 8;
        const int EventsPerAppender = 200;
        const int BatchSize = 20;
        var appends = Enumerable.Range(0, Appenders).Select(appender => Task.Run(async () =>
        {
            var positions = new List<(StreamPosition Position, string EventId)>();
            for (var batch = 0; batch < EventsPerAppender / BatchSize; batch++)
            {
                var events = Enumerable.Range(0, BatchSize).Select(i => NewEvent($"a{appender}-k{(batch * BatchSize) + i}", seed: i)).ToArray();
                var result = await Log.AppendAsync(events);
                Assert.Equal(0, result.Duplicates);
                positions.AddRange(result.Appended.Zip(events, (position, e) => (position, e.EventId)));
            }

            return positions;
        })).ToArray();

        var appended = (await Task.WhenAll(appends)).SelectMany(p => p).ToList();

        Assert.Equal(Appenders * EventsPerAppender, appended.Count);
        for (var partition = 0; partition < PartitionCount; partition++)
        {
            var mine = appended.Where(a => a.Position.Partition == partition).ToDictionary(a => a.Position.SequenceNumber, a => a.EventId);
            var stored = await Log.ReadAsync(partition, 1, Appenders * EventsPerAppender);
            Assert.Equal(Enumerable.Range(1, mine.Count).Select(n => (long)n), stored.Select(e => e.SequenceNumber));
            Assert.All(stored, e => Assert.Equal(mine[e.SequenceNumber], e.EventId));
            Assert.Equal(mine.Count, (await Log.GetPartitionInfoAsync(partition)).LastSequenceNumber);
        }
    }

    [Fact]
    public async Task ReadAsync_AfterReopen_KeepsEventsPositionsAndIdsOnlyWhenDurable()
    {
        var start = Clock.GetUtcNow();
        var key = KeyOn(1);
        var original = NewEvent(key, length: 10);
        await Log.AppendAsync([original, NewEvent(key, length: 4)]);

        var reopened = await ReopenLogAsync();
        var duplicate = await reopened.AppendAsync([original]);
        var next = await reopened.AppendAsync([NewEvent(key, length: 1)]);

        if (IsDurable)
        {
            var stored = await reopened.ReadAsync(1, 1, 10);
            AssertEvent(original, 1, 1, 0, start, stored[0]);
            Assert.Equal(1, duplicate.Duplicates);
            Assert.Equal([new StreamPosition(1, 3)], next.Appended);
            Assert.Equal(14, stored[2].Offset);
        }
        else
        {
            Assert.Equal(0, duplicate.Duplicates);
            Assert.Equal([new StreamPosition(1, 2)], next.Appended);
        }
    }

    [Fact]
    public async Task AppendAsync_AfterReopen_WindowStillCountsFromTheOriginalAppendWhenDurable()
    {
        var original = NewEvent(KeyOn(3));
        await Log.AppendAsync([original]);
        AdvanceClock(DeduplicationWindow - TimeSpan.FromTicks(1));

        var reopened = await ReopenLogAsync();
        var beforeWindowPassed = await reopened.AppendAsync([original]);
        AdvanceClock(TimeSpan.FromTicks(1));
        var onceWindowPassed = await reopened.AppendAsync([original]);

        // A log that is not durable starts empty, so the first repeat is stored and remembered from then on.
        Assert.Equal(IsDurable ? 1 : 0, beforeWindowPassed.Duplicates);
        Assert.Equal(IsDurable ? 0 : 1, onceWindowPassed.Duplicates);
        Assert.Equal([new StreamPosition(3, IsDurable ? 2 : 1)], beforeWindowPassed.Appended.Concat(onceWindowPassed.Appended));
    }

    [Fact]
    public async Task AppendAsync_AfterReopen_CapacityKeepsTheNewestEventsWhenDurable()
    {
        await RecreateLogAsync(WithCapacity(2));
        var (a, b, c) = (NewEvent(KeyOn(0)), NewEvent(KeyOn(1)), NewEvent(KeyOn(2)));
        foreach (var data in new[] { a, b, c })
        {
            await Log.AppendAsync([data]);
            AdvanceClock(TimeSpan.FromMinutes(1));
        }

        var reopened = await ReopenLogAsync();
        var result = await reopened.AppendAsync([c, b, a]);

        if (IsDurable)
        {
            Assert.Equal(2, result.Duplicates);
            Assert.Equal([new StreamPosition(0, 2)], result.Appended);
        }
        else
        {
            Assert.Equal(0, result.Duplicates);
            Assert.Equal([new StreamPosition(2, 1), new StreamPosition(1, 1), new StreamPosition(0, 1)], result.Appended);
        }
    }

    [Fact]
    public async Task AppendAsync_AfterTrimAndReopen_NeverReusesSequenceNumbersWhenDurable()
    {
        var key = KeyOn(0);
        await Log.AppendAsync([NewEvent(key), NewEvent(key)]);
        await Log.TrimAsync(0, long.MaxValue, DateTimeOffset.MaxValue);

        var reopened = await ReopenLogAsync();
        var result = await reopened.AppendAsync([NewEvent(key)]);

        Assert.Equal([new StreamPosition(0, IsDurable ? 3 : 1)], result.Appended);
        Assert.Equal(IsDurable ? 3 : 1, (await reopened.GetPartitionInfoAsync(0)).FirstSequenceNumber);
    }

    /// <summary>Appends <paramref name="count"/> events, one batch, all on <paramref name="partition"/>.</summary>
    protected async Task AppendToPartitionAsync(int partition, int count)
    {
        var key = KeyOn(partition);
        var result = await Log.AppendAsync([.. Enumerable.Range(0, count).Select(i => NewEvent(key, seed: i))]);
        Assert.Equal(count, result.Appended.Count);
    }

    private static void AssertEvent(StreamEventData expected, int partition, long sequenceNumber, long offset, DateTimeOffset enqueued, StreamEvent actual)
    {
        Assert.Equal(partition, actual.Partition);
        Assert.Equal(sequenceNumber, actual.SequenceNumber);
        Assert.Equal(offset, actual.Offset);
        Assert.Equal(enqueued, actual.EnqueuedTime);
        Assert.Equal(expected.Namespace, actual.Namespace);
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
    }

    private async Task AssertLogEmptyAsync()
    {
        for (var partition = 0; partition < PartitionCount; partition++)
        {
            Assert.Equal(new StreamPartitionInfo(partition, 1, 0, null), await Log.GetPartitionInfoAsync(partition));
            Assert.Empty(await Log.ReadAsync(partition, 1, 10));
        }
    }

    /// <summary>Options with the suite's window and <paramref name="capacity"/>.</summary>
    protected static StreamStorageOptions WithCapacity(int capacity) =>
        new() { DeduplicationWindow = DeduplicationWindow, DeduplicationCapacity = capacity };

    /// <summary>Reopens the log under test with <paramref name="options"/>, which later reopens keep; for tests that start with other options.</summary>
    protected async Task RecreateLogAsync(StreamStorageOptions options)
    {
        _options = options;
        await ReopenLogAsync();
    }

    private async Task<IStreamLog> ReopenLogAsync()
    {
        var current = Log;
        _log = null;
        _log = await ReopenAsync(current, _options);
        return _log;
    }
}
