using Grains.Reminders;
using Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grains.Sqlite.Tests;

/// <summary>Opening a database file: pragmas, schema migrations, readers, and data surviving a reopen.</summary>
public sealed class DatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_NewFile_RecordsEveryMigrationStepInVersionTable()
    {
        await using var database = SqliteDatabase.Open(TestDatabases.Options(_directory));

        Assert.Equal(SchemaMigrations.All[^1].Version, database.SchemaVersion);
        Assert.Equal(
            SchemaMigrations.All.Select(m => ((long)m.Version, m.Name)),
            ReadVersionTable(database.DataSource).Select(row => (row.Version, row.Name)));
    }

    [Fact]
    public async Task Open_Twice_LeavesSchemaVersionAndVersionTableUnchanged()
    {
        var options = TestDatabases.Options(_directory);
        int firstVersion;
        await using (var first = SqliteDatabase.Open(options))
        {
            firstVersion = first.SchemaVersion;
        }

        var rowsAfterFirst = ReadVersionTable(options.DataSource);

        await using var second = SqliteDatabase.Open(options);

        Assert.Equal(firstVersion, second.SchemaVersion);
        Assert.Equal(rowsAfterFirst, ReadVersionTable(options.DataSource));
    }

    [Fact]
    public async Task Open_WithStepAppended_AppliesOnlyTheNewStep()
    {
        var options = TestDatabases.Options(_directory);
        await using (SqliteDatabase.Open(options))
        {
        }

        var before = ReadVersionTable(options.DataSource);
        var next = SchemaMigrations.All.Count + 1;
        IReadOnlyList<SchemaMigration> extended = [.. SchemaMigrations.All, new(next, "extra", "CREATE TABLE extra (x INTEGER NOT NULL);")];

        await using (var database = OpenWith(options, extended))
        {
            Assert.Equal(next, database.SchemaVersion);
        }

        var after = ReadVersionTable(options.DataSource);
        Assert.Equal(before, after.Take(before.Count));
        Assert.Equal((next, "extra"), (after[^1].Version, after[^1].Name));
        Assert.Equal(0, RawSqlite.Count(options.DataSource, "SELECT COUNT(*) FROM extra;"));
    }

    [Fact]
    public async Task Open_FailingStep_RollsBackAndLeavesPreviousVersion()
    {
        var options = TestDatabases.Options(_directory);
        var next = SchemaMigrations.All.Count + 1;
        IReadOnlyList<SchemaMigration> broken =
        [
            .. SchemaMigrations.All,
            new(next, "broken", "CREATE TABLE half_done (x INTEGER); CREATE TABLE half_done (x INTEGER);"),
        ];

        Assert.Throws<SqliteException>(() => OpenWith(options, broken));

        Assert.Equal(0, RawSqlite.Count(options.DataSource, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done';"));
        Assert.Equal(0, RawSqlite.Count(options.DataSource, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_version';"));
        await using var database = SqliteDatabase.Open(options);
        Assert.Equal(next - 1, database.SchemaVersion);
    }

    [Fact]
    public async Task Open_DatabaseNewerThanBuild_ThrowsNamingBothVersions()
    {
        var options = TestDatabases.Options(_directory);
        var next = SchemaMigrations.All.Count + 1;
        await using (OpenWith(options, [.. SchemaMigrations.All, new(next, "future", "CREATE TABLE future (x INTEGER);")]))
        {
        }

        var exception = Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Open(options));

        Assert.Contains($"schema version {next}", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"({next - 1})", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StepsOutOfOrder_ThrowsNamingTheStep()
    {
        IReadOnlyList<SchemaMigration> gap = [SchemaMigrations.All[0], new(3, "skipped", "SELECT 1;")];

        var exception = Assert.Throws<InvalidOperationException>(() => OpenWith(TestDatabases.Options(_directory), gap));

        Assert.Equal("Schema migration 'skipped' has version 3; step 2 must have version 2.", exception.Message);
    }

    [Fact]
    public async Task Open_MissingDirectory_CreatesIt()
    {
        var options = new SqliteStorageOptions { DataSource = Path.Combine(_directory.Path, "a", "b", "grains.db") };

        await using var database = SqliteDatabase.Open(options);

        Assert.True(File.Exists(options.DataSource));
        Assert.Equal(Path.GetFullPath(options.DataSource), database.DataSource);
    }

    [Theory]
    [InlineData(SqliteSynchronousMode.Full, 2)]
    [InlineData(SqliteSynchronousMode.Normal, 1)]
    public async Task Open_Options_SetsWriterPragmas(SqliteSynchronousMode synchronous, long expectedSynchronous)
    {
        var options = TestDatabases.Options(_directory);
        options.Synchronous = synchronous;
        options.BusyTimeout = TimeSpan.FromMilliseconds(1234);

        await using var database = SqliteDatabase.Open(options);

        Assert.Equal(expectedSynchronous, await database.Writes.EnqueueAsync(new PragmaOperation("synchronous")));
        Assert.Equal(1234, await database.Writes.EnqueueAsync(new PragmaOperation("busy_timeout")));
        Assert.Equal(1, await database.Writes.EnqueueAsync(new PragmaOperation("foreign_keys")));
        Assert.Equal("wal", RawSqlite.Scalar(database.DataSource, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Open_WriterTuning_SetsCacheSizeInKiBAndAutoCheckpointOnTheWriter()
    {
        var options = TestDatabases.Options(_directory);
        options.CacheSizeKiB = 8192;
        options.WalAutoCheckpointPages = 2500;

        await using var database = SqliteDatabase.Open(options);

        Assert.Equal(-8192, await database.Writes.EnqueueAsync(new PragmaOperation("cache_size")));
        Assert.Equal(2500, await database.Writes.EnqueueAsync(new PragmaOperation("wal_autocheckpoint")));
        Assert.Equal((8192, 2500), (database.CacheSizeKiB, database.WalAutoCheckpointPages));
    }

    [Fact]
    public async Task Open_DatabaseWithStreamEventIdsTable_MigrationDropsTheTableAndItsIndex()
    {
        var options = TestDatabases.Options(_directory);
        await using (var old = OpenWith(options, [.. SchemaMigrations.All.Take(5)]))
        {
            Assert.Equal(5, old.SchemaVersion);
        }

        using (var connection = RawSqlite.Open(options.DataSource))
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO stream_event_ids (event_id, seen_at) VALUES ('evt-1', 1);";
            insert.ExecuteNonQuery();
        }

        await using var database = OpenWith(options, [.. SchemaMigrations.All.Take(6)]);

        Assert.Equal(6, database.SchemaVersion);
        Assert.Equal((6L, "drop_stream_event_ids"), (ReadVersionTable(options.DataSource)[^1].Version, ReadVersionTable(options.DataSource)[^1].Name));
        Assert.Equal(0, RawSqlite.Count(options.DataSource, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'stream_event_ids%';"));
    }

    [Fact]
    public async Task Rent_ReaderConnection_RefusesWrites()
    {
        await using var database = SqliteDatabase.Open(TestDatabases.Options(_directory));
        using var lease = database.Reads.Rent();

        var exception = Assert.Throws<SqliteException>(
            () => lease.Commands.Get("INSERT INTO sequences (name, value) VALUES ('x', 1);").ExecuteNonQuery());

        Assert.Contains("readonly", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadAsync_WhileWriterHoldsTransaction_SeesLastCommit()
    {
        await using var database = SqliteDatabase.Open(TestDatabases.Options(_directory));
        var storage = new SqliteGrainStorage(database);
        var key = new GrainStateKey("t", "k", "s");
        var etag = await storage.WriteAsync(key, new byte[] { 1 }, null);
        using var gate = new GateOperation();
        var held = database.Writes.EnqueueAsync(gate);
        await gate.Entered;

        // The writer is inside an open transaction; WAL readers still see the last commit.
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => storage.ReadAsync(key))));

        gate.Release();
        await held;
        Assert.All(reads, record => Assert.Equal(etag, record?.Etag));
    }

    [Fact]
    public async Task DisposeAsync_ThenReopen_StateAndRemindersSurvive()
    {
        var options = TestDatabases.Options(_directory);
        var key = new GrainStateKey("t", "k", "s");
        var reminder = new ReminderEntry(GrainId.Create("t", "k"), "r", DateTimeOffset.UnixEpoch.AddDays(1), TimeSpan.FromMinutes(1), 3);
        string stateEtag;
        string reminderEtag;
        await using (var database = SqliteDatabase.Open(options))
        {
            stateEtag = await new SqliteGrainStorage(database).WriteAsync(key, new byte[] { 1, 2 }, null);
            reminderEtag = await new SqliteReminderTable(database).UpsertAsync(reminder);
        }

        await using var reopened = SqliteDatabase.Open(options);

        var record = await new SqliteGrainStorage(reopened).ReadAsync(key);
        Assert.NotNull(record);
        Assert.Equal(new byte[] { 1, 2 }, record.Data);
        Assert.Equal(stateEtag, record.Etag);
        Assert.Equal(reminder with { ETag = reminderEtag }, await new SqliteReminderTable(reopened).ReadAsync(reminder.GrainId, reminder.Name));
    }

    [Fact]
    public async Task DisposeAsync_Twice_DoesNotThrow()
    {
        var database = SqliteDatabase.Open(TestDatabases.Options(_directory));

        await database.DisposeAsync();
        await database.DisposeAsync();
        database.Dispose();

        Assert.Throws<ObjectDisposedException>(() => database.Reads.Rent());
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsArgumentExceptionWithValidatorMessage()
    {
        var options = TestDatabases.Options(_directory);
        options.MaxBatchSize = 0;

        var exception = Assert.Throws<ArgumentException>(() => SqliteDatabase.Open(options));

        Assert.StartsWith("Sqlite:MaxBatchSize is 0; it must be between 1 and 65536.", exception.Message, StringComparison.Ordinal);
    }

    private static SqliteDatabase OpenWith(SqliteStorageOptions options, IReadOnlyList<SchemaMigration> migrations) =>
        SqliteDatabase.Open(options, migrations, new SqliteMetrics(null), ownsMetrics: true, NullLoggerFactory.Instance, TimeProvider.System);

    private static List<(long Version, string Name, long AppliedAt)> ReadVersionTable(string dataSource)
    {
        using var connection = RawSqlite.Open(dataSource);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_version ORDER BY version;";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
