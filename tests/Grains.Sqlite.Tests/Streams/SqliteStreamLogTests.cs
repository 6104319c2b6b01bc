using System.Diagnostics.Metrics;
using System.Text;
using Grains.Runtime.Placement;
using Grains.Streams;
using Grains.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Grains.Sqlite.Tests.Streams;

/// <summary>What the SQLite log does beyond the contract: its file, group commit, failures and its de-duplication index.</summary>
public sealed class SqliteStreamLogTests : IAsyncLifetime
{
    private const int Partitions = 4;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private SqliteDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = SqliteDatabase.Open(TestDatabases.Options(_directory), timeProvider: _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public void Constructor_FileHoldsLogWithOtherPartitionCount_ThrowsNamingBothCounts()
    {
        _ = new SqliteStreamLog(_database, 8, Window);

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStreamLog(_database, 16, Window));

        Assert.Contains("was created with 8 partitions; this log asks for 16", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.DataSource, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_ReopenedWithOtherPartitionCount_RefusesAndKeepsRecordedCount()
    {
        var options = TestDatabases.Options(_directory, "reopen.db");
        await using (var first = SqliteDatabase.Open(options))
        {
            _ = new SqliteStreamLog(first, 8, Window);
        }

        await using var second = SqliteDatabase.Open(options);

        Assert.Throws<InvalidOperationException>(() => new SqliteStreamLog(second, 4, Window));
        Assert.Equal(8, new SqliteStreamLog(second, 8, Window).PartitionCount);
        Assert.Equal(8, RawSqlite.Count(options.DataSource, "SELECT value FROM stream_metadata WHERE name = 'partition_count';"));
        Assert.Equal(8, RawSqlite.Count(options.DataSource, "SELECT COUNT(*) FROM stream_heads;"));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentCallersWhileWriterBusy_ShareOneCommit()
    {
        const int Appends = 10;
        var log = new SqliteStreamLog(_database, Partitions, Window);
        using var gate = new GateOperation();
        var held = _database.Writes.EnqueueAsync(gate);
        await gate.Entered;
        var commitsBefore = _database.Writes.CommitCount;

        var appends = Enumerable.Range(0, Appends).Select(i => log.AppendAsync(Batch($"c{i}", 50))).ToArray();
        gate.Release();
        await held;
        var results = await Task.WhenAll(appends);

        Assert.Equal(commitsBefore + 2, _database.Writes.CommitCount);
        Assert.Equal(Appends * 50, results.Sum(r => r.Appended.Count));
    }

    [Fact]
    public async Task AppendAsync_BatchRolledBackByAnotherOperation_FailsAndLeavesNoTrace()
    {
        var log = new SqliteStreamLog(_database, Partitions, Window);
        var raised = 0;
        log.Appended += _ => Interlocked.Increment(ref raised);
        var events = Batch("rolled-back", 20);
        using var gate = new GateOperation();
        var held = _database.Writes.EnqueueAsync(gate);
        await gate.Entered;

        var append = log.AppendAsync(events);
        var failing = _database.Writes.EnqueueAsync(new FailingOperation());
        gate.Release();
        await held;

        await Assert.ThrowsAsync<SqliteException>(() => append);
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(0, raised);
        for (var partition = 0; partition < Partitions; partition++)
        {
            Assert.Equal(new StreamPartitionInfo(partition, 1, 0, null), await log.GetPartitionInfoAsync(partition));
        }

        // Neither the heads nor the indexed ids of the failed append survived: the index was rebuilt from the log.
        var retried = await log.AppendAsync(events);
        Assert.Equal(0, retried.Duplicates);
        Assert.Equal(20, log.IndexedEventIds);
        Assert.All(retried.Appended.GroupBy(p => p.Partition), g => Assert.Equal(Enumerable.Range(1, g.Count()).Select(n => (long)n), g.Select(p => p.SequenceNumber)));
        Assert.Equal(1, raised);
    }

    [Fact]
    public async Task AppendAsync_CanceledWhileQueued_StoresNothing()
    {
        var log = new SqliteStreamLog(_database, Partitions, Window);
        using var gate = new GateOperation();
        var held = _database.Writes.EnqueueAsync(gate);
        await gate.Entered;
        using var cancel = new CancellationTokenSource();

        var append = log.AppendAsync(Batch("canceled", 5), cancel.Token);
        await cancel.CancelAsync();
        gate.Release();
        await held;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => append);
        Assert.Equal(0, StoredEvents());
        Assert.Equal(0, log.IndexedEventIds);
    }

    [Fact]
    public async Task Appended_RaisedAfterCommitAndNeverOnTheWriterThread()
    {
        var log = new SqliteStreamLog(_database, Partitions, Window);
        string? threadName = "not raised";
        long committed = -1;
        log.Appended += _ =>
        {
            threadName = Thread.CurrentThread.Name;
            committed = StoredEvents();
        };

        await log.AppendAsync(Batch("wake", 3));

        Assert.NotEqual("Grains.Sqlite writer", threadName);
        Assert.Equal(3, committed);
    }

    [Fact]
    public async Task Appended_HandlerThrows_LoggedAsErrorAndWriterKeepsWorking()
    {
        var logger = new CapturingLogger<SqliteStreamLog>();
        var log = new SqliteStreamLog(_database, Partitions, Window, logger);
        var failure = new InvalidOperationException("handler failure");
        log.Appended += _ => throw failure;
        var key = KeyOn(2);

        await log.AppendAsync([Event(key, "first")]);
        var second = await log.AppendAsync([Event(key, "second")]);

        Assert.Equal([new StreamPosition(2, 2)], second.Appended);
        var errors = logger.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e =>
        {
            Assert.Equal(LogLevel.Error, e.Level);
            Assert.Same(failure, e.Exception);
            Assert.Contains("partitions 2", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Constructor_ExistingEvents_LogsTheRebuiltIndexAtInformation()
    {
        await new SqliteStreamLog(_database, Partitions, Window).AppendAsync(Batch("before", 7));
        var logger = new CapturingLogger<SqliteStreamLog>();

        _ = new SqliteStreamLog(_database, Partitions, Window, logger);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.StartsWith($"Rebuilt the event id index of the stream log in {_database.DataSource} from the log: 7 ids in ", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrimAsync_EventsWithinWindow_TheirIdsLeaveTheIndex()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var events = Batch("trimmed", 5);
        await log.AppendAsync(events);

        Assert.Equal(3, await log.TrimAsync(0, 3, DateTimeOffset.MaxValue));

        Assert.Equal(2, log.IndexedEventIds);
        var again = await log.AppendAsync(events);
        Assert.Equal(2, again.Duplicates);
        Assert.Equal([6L, 7, 8], again.Appended.Select(p => p.SequenceNumber));
    }

    [Fact]
    public async Task TrimAsync_AfterWindowPassed_IndexLetsExpiredIdsGo()
    {
        var log = new SqliteStreamLog(_database, Partitions, Window);
        await log.AppendAsync(Batch("old", 30));
        _clock.Advance(TimeSpan.FromMinutes(30));
        await log.AppendAsync(Batch("recent", 5));
        _clock.Advance(TimeSpan.FromMinutes(30));

        var removed = await log.TrimAsync(0, 0, _clock.GetUtcNow());

        Assert.Equal(0, removed);
        Assert.Equal(5, log.IndexedEventIds);
        Assert.Equal(35, StoredEvents());
    }

    [Fact]
    public async Task AppendAsync_EveryIdHashesAlike_StoresEveryDistinctEventAndDropsOnlyRepeats()
    {
        var log = Colliding(_database);
        var first = Batch("collide", 40);
        await log.AppendAsync(first);

        var result = await log.AppendAsync([.. first.Take(10), .. Batch("more", 5), first[0]]);

        Assert.Equal(11, result.Duplicates);
        Assert.Equal(5, result.Appended.Count);
        var stored = await ReadAllAsync(log);
        Assert.Equal(45, stored.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(45, stored.Count);
    }

    [Fact]
    public async Task Constructor_ReopenedWithCollidingHash_RebuiltIndexStillTellsIdsApart()
    {
        var options = TestDatabases.Options(_directory, "colliding.db");
        var events = Batch("c", 30);
        await using (var first = SqliteDatabase.Open(options, timeProvider: _clock))
        {
            await Colliding(first).AppendAsync(events);
        }

        await using var second = SqliteDatabase.Open(options, timeProvider: _clock);
        var log = Colliding(second);
        var indexedAtOpen = log.IndexedEventIds;

        var result = await log.AppendAsync([events[29], Event("c-key-x", "c-new"), events[0]]);

        Assert.Equal(30, indexedAtOpen);
        Assert.Equal(2, result.Duplicates);
        Assert.Single(result.Appended);
    }

    [Fact]
    public async Task Constructor_ExistingEvents_IndexesOnlyThoseWithinWindowUpToCapacity()
    {
        var options = TestDatabases.Options(_directory, "rebuild.db");
        await using (var first = SqliteDatabase.Open(options, timeProvider: _clock))
        {
            var log = new SqliteStreamLog(first, Partitions, Window);
            await log.AppendAsync(Batch("expired", 10));
            _clock.Advance(TimeSpan.FromMinutes(30));
            await log.AppendAsync(Batch("within", 8));
            _clock.Advance(TimeSpan.FromMinutes(30));
        }

        await using var second = SqliteDatabase.Open(options, timeProvider: _clock);

        Assert.Equal(8, new SqliteStreamLog(second, Partitions, Window).IndexedEventIds);
        Assert.Equal(5, new SqliteStreamLog(second, Partitions, new StreamStorageOptions { DeduplicationWindow = Window, DeduplicationCapacity = 5 }).IndexedEventIds);
    }

    [Fact]
    public async Task Constructor_ManyEventsPerPartition_RebuildKeepsTheNewestAcrossChunks()
    {
        const int PerBatch = 6_000;
        var options = TestDatabases.Options(_directory, "chunks.db");
        var batches = new[] { Batch("a", PerBatch), Batch("b", PerBatch), Batch("c", PerBatch) };
        await using (var first = SqliteDatabase.Open(options, timeProvider: _clock))
        {
            var log = new SqliteStreamLog(first, 2, Window);
            foreach (var batch in batches)
            {
                await log.AppendAsync(batch);
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await using var second = SqliteDatabase.Open(options, timeProvider: _clock);
        var reopened = new SqliteStreamLog(second, 2, new StreamStorageOptions { DeduplicationWindow = Window, DeduplicationCapacity = 9_000 });

        var newest = await reopened.AppendAsync(batches[2]);
        var oldest = await reopened.AppendAsync(batches[0]);

        Assert.Equal(9_000, reopened.IndexedEventIds);
        Assert.Equal(PerBatch, newest.Duplicates);
        Assert.Equal(0, oldest.Duplicates);
    }

    [Fact]
    public async Task AppendAsync_DuplicateOfEventAppendedThroughAnotherConnection_IsDuplicate()
    {
        var log = new SqliteStreamLog(_database, Partitions, Window);
        await log.AppendAsync(Batch("mine", 3));
        await using var other = SqliteDatabase.Open(TestDatabases.Options(_directory), timeProvider: _clock);
        var otherLog = new SqliteStreamLog(other, Partitions, Window);
        var theirs = Batch("theirs", 4);
        await otherLog.AppendAsync(theirs);

        var result = await log.AppendAsync([theirs[3], .. Batch("mine-again", 1), theirs[0]]);

        Assert.Equal(2, result.Duplicates);
        Assert.Single(result.Appended);
        Assert.Equal(8, log.IndexedEventIds);
        Assert.Equal(1, (await otherLog.AppendAsync(Batch("mine-again", 1))).Duplicates);
    }

    [Fact]
    public async Task AppendAsync_DuplicateOfEventAppendedByAnotherLogOnTheSameDatabase_IsDuplicate()
    {
        var log = new SqliteStreamLog(_database, Partitions, Window);
        var other = new SqliteStreamLog(_database, Partitions, Window);
        var events = Batch("shared", 6);
        await other.AppendAsync(events[..3]);
        await log.AppendAsync(events[3..]);

        var first = await log.AppendAsync(events);
        var second = await other.AppendAsync(events);

        Assert.Equal(6, first.Duplicates);
        Assert.Equal(6, second.Duplicates);
    }

    [Fact]
    public async Task AppendAsync_IndexedEventRemovedBehindTheLogsBack_IsStoredAgain()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var events = Batch("gone", 3);
        foreach (var e in events)
        {
            await log.AppendAsync([e]);
        }

        using (var connection = RawSqlite.Open(_database.DataSource))
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM stream_segments WHERE first_sequence_number = 2;";
            delete.ExecuteNonQuery();
        }

        var result = await log.AppendAsync(events);

        Assert.Equal(2, result.Duplicates);
        Assert.Equal([new StreamPosition(0, 4)], result.Appended);
    }

    [Fact]
    public async Task AppendAsync_LargeBatchOverManyPartitions_StoresEveryEventInOneCommit()
    {
        var log = new SqliteStreamLog(_database, 32, Window);
        var commitsBefore = _database.Writes.CommitCount;

        var result = await log.AppendAsync(Batch("large", 2_000));

        Assert.Equal(commitsBefore + 1, _database.Writes.CommitCount);
        Assert.Equal(2_000, result.Appended.Count);
        Assert.Equal(2_000, StoredEvents());
        Assert.Equal(2_000, RawSqlite.Count(_database.DataSource, "SELECT SUM(next_sequence_number - 1) FROM stream_heads;"));
    }

    [Fact]
    public async Task AppendAsync_StoredRows_HoldTicksAndBytesAsDocumented()
    {
        var log = new SqliteStreamLog(_database, Partitions, Window);
        var key = KeyOn(1);

        await log.AppendAsync([Event(key, "row", length: 9), Event(key, "row-2", length: 3)]);

        using var connection = RawSqlite.Open(_database.DataSource);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT partition, first_sequence_number, event_count, first_offset, enqueued_at, events FROM stream_segments;";
        using var row = select.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal((1L, 1L, 2L, 0L, _clock.GetUtcNow().UtcTicks), (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4)));
        var segment = row.GetFieldValue<byte[]>(5);
        Assert.Equal(StreamSegmentFormat.Version, segment[0]);
        Assert.Equal(
            [(byte)6, .. "orders"u8, (byte)key.Length, .. Encoding.UTF8.GetBytes(key), 3, .. "row"u8, 9, .. new byte[9]],
            segment.AsSpan(1, 1 + 6 + 1 + key.Length + 1 + 3 + 1 + 9).ToArray());
        Assert.False(row.Read());
        Assert.Equal(12, RawSqlite.Count(_database.DataSource, "SELECT next_offset FROM stream_heads WHERE partition = 1;"));
    }

    [Fact]
    public async Task AppendAsync_WithMeterFactory_CountsAppendedAndDuplicateEvents()
    {
        using var meterFactory = new TestMeterFactory();
        using var listener = new MeterListener();
        var totals = new Dictionary<string, long>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (totals)
            {
                totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        var log = new SqliteStreamLog(_database, Partitions, Window, meterFactory: meterFactory);
        var events = Batch("metered", 6);
        await log.AppendAsync(events);
        await log.AppendAsync([.. events.Take(2), Event(KeyOn(0), "one-more")]);
        var onPartitionZero = (await log.ReadAsync(0, 1, 100)).Count;

        var trimmed = await log.TrimAsync(0, long.MaxValue, DateTimeOffset.MaxValue);
        var indexedAfterTrim = totals[SqliteStreamInstrumentNames.EventIdsIndexed];
        _clock.Advance(Window);
        await log.TrimAsync(1, 0, DateTimeOffset.MaxValue);

        Assert.Equal(7, totals[SqliteStreamInstrumentNames.EventsAppended]);
        Assert.Equal(2, totals[SqliteStreamInstrumentNames.EventsDuplicate]);
        Assert.Equal(onPartitionZero, trimmed);
        Assert.Equal(trimmed, totals[SqliteStreamInstrumentNames.EventsTrimmed]);
        Assert.Equal(7 - trimmed, indexedAfterTrim);
        Assert.Equal(0, totals[SqliteStreamInstrumentNames.EventIdsIndexed]);
    }

    private long StoredEvents() =>
        RawSqlite.Count(_database.DataSource, "SELECT COALESCE(SUM(event_count), 0) FROM stream_segments;");

    private static async Task<List<StreamEvent>> ReadAllAsync(SqliteStreamLog log)
    {
        var events = new List<StreamEvent>();
        for (var partition = 0; partition < log.PartitionCount; partition++)
        {
            events.AddRange(await log.ReadAsync(partition, 1, int.MaxValue));
        }

        return events;
    }

    /// <summary>A log whose event ids all hash to the same value, so every lookup is a collision to verify.</summary>
    private static SqliteStreamLog Colliding(SqliteDatabase database) =>
        new(database, Partitions, new StreamStorageOptions { DeduplicationWindow = Window }, static _ => 42UL);

    private static StreamEventData[] Batch(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Event($"{prefix}-key-{i}", $"{prefix}-{i}"))];

    private static StreamEventData Event(string key, string eventId, int length = 4) => new("orders", key, eventId, new byte[length]);

    private static string KeyOn(int partition) =>
        Enumerable.Range(0, 1000).Select(i => $"key-{i}").First(k => PartitionHash.GetPartition(k, Partitions) == partition);
}
