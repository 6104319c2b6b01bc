using Grains.Streams;
using Grains.Testing;

namespace Grains.Sqlite.Tests.Streams;

/// <summary>The log's events stored as one segment row per append and partition: reads, trims and de-duplication across rows.</summary>
public sealed class StreamSegmentTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private SqliteDatabase _database = null!;

    public Task InitializeAsync()
    {
        _database = Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task ReadAsync_FromTheMiddleOfASegment_ReturnsThatEventOnWithItsOwnOffsets()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var events = Events("middle", 10);
        await log.AppendAsync(events);

        var read = await log.ReadAsync(0, 4, 3);

        Assert.Equal(1, SegmentRows());
        Assert.Equal([4L, 5, 6], read.Select(e => e.SequenceNumber));
        Assert.Equal([Offset(events, 3), Offset(events, 4), Offset(events, 5)], read.Select(e => e.Offset));
        for (var i = 0; i < read.Count; i++)
        {
            AssertSame(events[3 + i], read[i]);
        }
    }

    [Fact]
    public async Task ReadAsync_FromTheMiddleOfASegment_ContinuesIntoLaterSegmentsInOrder()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var first = Events("first", 4);
        var second = Events("second", 4);
        await log.AppendAsync(first);
        await log.AppendAsync(second);

        var read = await log.ReadAsync(0, 3, 100);

        Assert.Equal(2, SegmentRows());
        Assert.Equal([3L, 4, 5, 6, 7, 8], read.Select(e => e.SequenceNumber));
        Assert.Equal([.. first.Skip(2).Select(e => e.EventId), .. second.Select(e => e.EventId)], read.Select(e => e.EventId));
        Assert.Equal(Offset([.. first, .. second], 2), read[0].Offset);
        Assert.Equal(Offset([.. first, .. second], 4), read[2].Offset);
    }

    [Fact]
    public async Task AppendAsync_PartitionsEventsBeyondOneSegmentsBytes_SplitIntoSegmentsReadFromAnyEvent()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var events = Events("large", 100, length: 2_000);

        await log.AppendAsync(events);

        Assert.True(SegmentRows() > 1);
        Assert.Equal(0, RawSqlite.Count(_database.DataSource, $"SELECT COUNT(*) FROM stream_segments WHERE length(events) > {StreamSegmentFormat.MaxRecordBytes + 1};"));
        foreach (var from in new[] { 1L, 31, 32, 33, 64, 99, 100 })
        {
            var read = await log.ReadAsync(0, from, 5);
            Assert.Equal(Enumerable.Range((int)from, Math.Min(5, 101 - (int)from)).Select(n => (long)n), read.Select(e => e.SequenceNumber));
            AssertSame(events[(int)from - 1], read[0]);
            Assert.Equal(Offset(events, (int)from - 1), read[0].Offset);
        }
    }

    [Fact]
    public async Task TrimAsync_ThroughTheMiddleOfASegment_KeepsItsLaterEventsWithTheirPositions()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var events = Events("old", 5);
        await log.AppendAsync(events[..2]);
        await log.AppendAsync(events[2..]);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var removed = await log.TrimAsync(0, 3, _clock.GetUtcNow());

        Assert.Equal(3, removed);
        var read = await log.ReadAsync(0, 1, 10);
        Assert.Equal([4L, 5], read.Select(e => e.SequenceNumber));
        Assert.Equal([Offset(events, 3), Offset(events, 4)], read.Select(e => e.Offset));
        AssertSame(events[3], read[0]);
        Assert.Equal(4, (await log.GetPartitionInfoAsync(0)).FirstSequenceNumber);
        Assert.Equal(1, SegmentRows());
        Assert.Equal([6L, 7, 8], (await log.AppendAsync(events)).Appended.Select(p => p.SequenceNumber));
    }

    [Fact]
    public async Task TrimAsync_SegmentSpanningTheBoundaryTooYoung_KeepsItWhole()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var old = Events("old", 3);
        var young = Events("young", 3);
        await log.AppendAsync(old);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var cutoff = _clock.GetUtcNow();
        await log.AppendAsync(young);

        var removed = await log.TrimAsync(0, 5, cutoff);

        Assert.Equal(3, removed);
        Assert.Equal([4L, 5, 6], (await log.ReadAsync(0, 1, 10)).Select(e => e.SequenceNumber));
        Assert.Equal(3, (await log.AppendAsync(young)).Duplicates);
        Assert.Equal(3, (await log.AppendAsync(old)).Appended.Count);
    }

    [Fact]
    public async Task TrimAsync_SegmentSpanningTheBoundary_ReopenedLogStillKnowsTheKeptIdsOnly()
    {
        var log = new SqliteStreamLog(_database, 1, Window);
        var events = Events("boundary", 6);
        await log.AppendAsync(events);
        await log.TrimAsync(0, 2, DateTimeOffset.MaxValue);
        await _database.DisposeAsync();
        _database = Open();

        var reopened = new SqliteStreamLog(_database, 1, Window);
        var again = await reopened.AppendAsync(events);

        Assert.Equal(4, again.Duplicates);
        Assert.Equal([7L, 8], again.Appended.Select(p => p.SequenceNumber));
    }

    [Fact]
    public async Task AppendAsync_RepeatsOfEventsInSeveralSegments_AreDuplicatesBeforeAndAfterReopen()
    {
        var log = Colliding(_database);
        var segments = new[] { Events("a", 3), Events("b", 3), Events("c", 3) };
        foreach (var segment in segments)
        {
            await log.AppendAsync(segment);
        }

        StreamEventData[] repeats = [segments[2][1], segments[0][2], segments[1][0], segments[0][0]];
        var before = await log.AppendAsync([.. repeats, .. Events("new", 1)]);
        await _database.DisposeAsync();
        _database = Open();
        var after = await Colliding(_database).AppendAsync([.. repeats, .. Events("newer", 1)]);

        Assert.Equal(4, before.Duplicates);
        Assert.Equal([new StreamPosition(0, 10)], before.Appended);
        Assert.Equal(4, after.Duplicates);
        Assert.Equal([new StreamPosition(0, 11)], after.Appended);
    }

    [Fact]
    public async Task AppendAsync_DuplicatesWithinTheBatch_StoreASegmentOfOnlyTheKeptEvents()
    {
        var log = Colliding(_database);
        var stored = Events("stored", 2);
        await log.AppendAsync(stored);
        var fresh = Events("fresh", 3);

        var result = await log.AppendAsync([fresh[0], stored[1], fresh[1], fresh[0], fresh[2], fresh[1]]);

        Assert.Equal(3, result.Duplicates);
        Assert.Equal([3L, 4, 5], result.Appended.Select(p => p.SequenceNumber));
        var read = await log.ReadAsync(0, 3, 10);
        Assert.Equal(fresh.Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal([Offset([.. stored, .. fresh], 2), Offset([.. stored, .. fresh], 3), Offset([.. stored, .. fresh], 4)], read.Select(e => e.Offset));
        Assert.Equal(3, RawSqlite.Count(_database.DataSource, "SELECT event_count FROM stream_segments WHERE first_sequence_number = 3;"));
    }

    private static SqliteStreamLog Colliding(SqliteDatabase database) =>
        new(database, 1, new StreamStorageOptions { DeduplicationWindow = Window }, static _ => 7UL);

    private static StreamEventData[] Events(string prefix, int count, int length = 5) =>
        [.. Enumerable.Range(0, count).Select(i => new StreamEventData("orders", $"{prefix}-key-{i}", $"{prefix}-{i}", Body(length + i, i)))];

    private static byte[] Body(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed))];

    /// <summary>The offset of the <paramref name="index"/>-th event of a partition whose events are <paramref name="events"/>.</summary>
    private static long Offset(StreamEventData[] events, int index) => events.Take(index).Sum(e => (long)e.Body.Length);

    private static void AssertSame(StreamEventData expected, StreamEvent actual)
    {
        Assert.Equal((expected.Namespace, expected.Key, expected.EventId), (actual.Namespace, actual.Key, actual.EventId));
        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
    }

    private SqliteDatabase Open() => SqliteDatabase.Open(TestDatabases.Options(_directory), timeProvider: _clock);

    private long SegmentRows() => RawSqlite.Count(_database.DataSource, "SELECT COUNT(*) FROM stream_segments;");
}
