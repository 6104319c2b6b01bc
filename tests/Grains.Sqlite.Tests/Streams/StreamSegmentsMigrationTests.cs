using Grains.Runtime.Placement;
using Grains.Streams;
using Grains.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grains.Sqlite.Tests.Streams;

/// <summary>Schema step 7: a database with one <c>stream_events</c> row per event moves them into segments.</summary>
public sealed class StreamSegmentsMigrationTests : IDisposable
{
    private const int Partitions = 2;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly SqliteStorageOptions _options;

    public StreamSegmentsMigrationTests() => _options = TestDatabases.Options(_directory);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_OldRowPerEventLog_MovesEveryEventIntoSegmentsWithItsPositionAndFields()
    {
        var (earlier, later) = (_clock.GetUtcNow().AddMinutes(-1), _clock.GetUtcNow());
        OldSchemaEvent[] old =
        [
            new(0, 3, 100, earlier, "orders", "order-1", "evt-3", [1, 2, 3]),
            new(0, 4, 103, earlier, "orders", "order-2", "evt-4", []),
            new(0, 5, 103, later, "inventory", "wh/sku-é", "évt-5", [9]),
            new(0, 6, 104, later, "orders", "order-1", "evt-6", [4, 5]),
            new(1, 1, 0, earlier, "orders", "order-9", "evt-1-1", [7, 7]),
        ];
        CreateOldLog(old, heads: [(0, 7, 106), (1, 2, 2)]);

        await using var database = SqliteDatabase.Open(_options, timeProvider: _clock);
        var log = new SqliteStreamLog(database, Partitions, Window);

        Assert.Equal(7, database.SchemaVersion);
        Assert.Equal(0, RawSqlite.Count(_options.DataSource, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'stream_events';"));
        Assert.Equal(3, RawSqlite.Count(_options.DataSource, "SELECT COUNT(*) FROM stream_segments;"));
        Assert.Equal(old.Where(e => e.Partition == 0), (await log.ReadAsync(0, 1, 10)).Select(OldSchemaEvent.Of));
        Assert.Equal(old.Where(e => e.Partition == 1), (await log.ReadAsync(1, 1, 10)).Select(OldSchemaEvent.Of));
        Assert.Equal(old.Where(e => e.Partition == 0).Skip(1), (await log.ReadAsync(0, 4, 10)).Select(OldSchemaEvent.Of));
        Assert.Equal(new StreamPartitionInfo(0, 3, 6, later), await log.GetPartitionInfoAsync(0));
    }

    [Fact]
    public async Task Open_OldRowPerEventLog_MovedIdsStayDuplicatesAndPositionsContinue()
    {
        var at = _clock.GetUtcNow();
        CreateOldLog(
            [new(0, 1, 0, at, "orders", "order-1", "evt-1", [1, 2]), new(0, 2, 2, at, "orders", "order-2", "evt-2", [3])],
            heads: [(0, 3, 3), (1, 1, 0)]);
        _clock.Advance(TimeSpan.FromMinutes(30));

        await using var database = SqliteDatabase.Open(_options, timeProvider: _clock);
        var log = new SqliteStreamLog(database, Partitions, Window);
        var key = KeyOn(0);
        var result = await log.AppendAsync([new("orders", key, "evt-2", new byte[1]), new("orders", key, "evt-new", new byte[4])]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal([new StreamPosition(0, 3)], result.Appended);
        Assert.Equal(3, (await log.ReadAsync(0, 3, 1))[0].Offset);
    }

    [Fact]
    public async Task Open_OldLogWithManyEventsOfOneAppend_SplitsThemIntoSegmentsOfBoundedSize()
    {
        var at = _clock.GetUtcNow();
        var old = Enumerable.Range(1, 80)
            .Select(n => new OldSchemaEvent(0, n, (n - 1) * 2_000L, at, "orders", $"order-{n}", $"evt-{n}", new byte[2_000]))
            .ToArray();
        CreateOldLog(old, heads: [(0, 81, 160_000), (1, 1, 0)]);

        await using var database = SqliteDatabase.Open(_options, timeProvider: _clock);
        var log = new SqliteStreamLog(database, Partitions, Window);

        Assert.True(RawSqlite.Count(_options.DataSource, "SELECT COUNT(*) FROM stream_segments;") > 1);
        Assert.Equal(80, RawSqlite.Count(_options.DataSource, "SELECT SUM(event_count) FROM stream_segments;"));
        Assert.Equal(0, RawSqlite.Count(_options.DataSource, $"SELECT COUNT(*) FROM stream_segments WHERE length(events) > {StreamSegmentFormat.MaxRecordBytes + 1};"));
        Assert.Equal(old, (await log.ReadAsync(0, 1, 100)).Select(OldSchemaEvent.Of));
        Assert.Equal(80, (await log.AppendAsync([.. old.Select(e => new StreamEventData(e.Namespace, e.Key, e.EventId, e.Body))])).Duplicates);
    }

    [Fact]
    public async Task Open_MigratedDatabaseAgain_AppliesNothingAndKeepsTheSegments()
    {
        var at = _clock.GetUtcNow();
        CreateOldLog([new(1, 1, 0, at, "orders", "order-1", "evt-1", [1])], heads: [(0, 1, 0), (1, 2, 1)]);
        await using (SqliteDatabase.Open(_options, timeProvider: _clock))
        {
        }

        var segments = RawSqlite.Scalar(_options.DataSource, "SELECT group_concat(hex(events)) FROM stream_segments;");
        await using var again = SqliteDatabase.Open(_options, timeProvider: _clock);

        Assert.Equal(7, again.SchemaVersion);
        Assert.Equal(1, RawSqlite.Count(_options.DataSource, "SELECT COUNT(*) FROM schema_version WHERE version = 7;"));
        Assert.Equal(segments, RawSqlite.Scalar(_options.DataSource, "SELECT group_concat(hex(events)) FROM stream_segments;"));
        Assert.Equal("evt-1", Assert.Single(await new SqliteStreamLog(again, Partitions, Window).ReadAsync(1, 1, 10)).EventId);
    }

    private static string KeyOn(int partition) =>
        Enumerable.Range(0, 1000).Select(i => $"key-{i}").First(k => PartitionHash.GetPartition(k, Partitions) == partition);

    /// <summary>A database at schema version 6 holding <paramref name="events"/> in its row-per-event table.</summary>
    private void CreateOldLog(OldSchemaEvent[] events, (int Partition, long NextSequenceNumber, long NextOffset)[] heads)
    {
        using (SqliteDatabase.Open(_options, [.. SchemaMigrations.All.Take(6)], new SqliteMetrics(null), ownsMetrics: true, NullLoggerFactory.Instance, _clock))
        {
        }

        using var connection = RawSqlite.Open(_options.DataSource);
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"INSERT INTO stream_metadata (name, value) VALUES ('partition_count', {Partitions});");
        foreach (var (partition, next, offset) in heads)
        {
            Execute(connection, $"INSERT INTO stream_heads (partition, next_sequence_number, next_offset, last_enqueued_at) VALUES ({partition}, {next}, {offset}, NULL);");
        }

        foreach (var e in events)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO stream_events (partition, sequence_number, offset, enqueued_at, namespace, key, event_id, body)
                VALUES ($partition, $sequenceNumber, $offset, $enqueuedAt, $namespace, $key, $eventId, $body);
                """;
            insert.Parameters.AddWithValue("$partition", e.Partition);
            insert.Parameters.AddWithValue("$sequenceNumber", e.SequenceNumber);
            insert.Parameters.AddWithValue("$offset", e.Offset);
            insert.Parameters.AddWithValue("$enqueuedAt", e.EnqueuedTime.UtcTicks);
            insert.Parameters.AddWithValue("$namespace", e.Namespace);
            insert.Parameters.AddWithValue("$key", e.Key);
            insert.Parameters.AddWithValue("$eventId", e.EventId);
            insert.Parameters.AddWithValue("$body", e.Body);
            insert.ExecuteNonQuery();
        }

        Execute(connection, "UPDATE stream_heads SET last_enqueued_at = (SELECT MAX(enqueued_at) FROM stream_events WHERE stream_events.partition = stream_heads.partition);");
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
