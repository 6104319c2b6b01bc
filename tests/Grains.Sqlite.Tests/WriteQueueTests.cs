using Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Grains.Sqlite.Tests;

/// <summary>The group-commit writer: batching, per-operation outcomes, acknowledgement after commit and shutdown.</summary>
public sealed class WriteQueueTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private SqliteGrainStorage _storage = null!;

    public Task InitializeAsync()
    {
        _database = SqliteDatabase.Open(TestDatabases.Options(_directory, maxBatchSize: 4096));
        _storage = new SqliteGrainStorage(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentWritesWhileWriterBusy_CommitInOneTransaction()
    {
        const int Writes = 100;
        using var gate = await HoldWriterAsync();
        var commitsBefore = _database.Writes.CommitCount;

        var writes = Enumerable.Range(0, Writes).Select(i => _storage.WriteAsync(Key(i), new byte[] { (byte)i }, null)).ToArray();
        gate.Release();
        await Task.WhenAll(writes);

        // One commit for the gate's batch, one for all the writes.
        Assert.Equal(commitsBefore + 2, _database.Writes.CommitCount);
        Assert.Equal(Writes, RawSqlite.Count(_database.DataSource, "SELECT COUNT(*) FROM grain_state;"));
    }

    [Fact]
    public async Task WriteAsync_MoreWritesThanMaxBatchSize_SplitsIntoBatchesOfMaxBatchSize()
    {
        await using var database = SqliteDatabase.Open(TestDatabases.Options(_directory, "small-batches.db", maxBatchSize: 4));
        var storage = new SqliteGrainStorage(database);
        using var gate = new GateOperation();
        var held = database.Writes.EnqueueAsync(gate);
        await gate.Entered;
        var commitsBefore = database.Writes.CommitCount;

        var writes = Enumerable.Range(0, 10).Select(i => storage.WriteAsync(Key(i), new byte[] { 1 }, null)).ToArray();
        gate.Release();
        await held;
        await Task.WhenAll(writes);

        // The gate's batch, then 4 + 4 + 2.
        Assert.Equal(commitsBefore + 4, database.Writes.CommitCount);
    }

    [Fact]
    public async Task WriteAsync_ConflictInsideBatch_FailsOnlyThatWrite()
    {
        var conflicted = Key(1);
        var stale = await _storage.WriteAsync(conflicted, new byte[] { 1 }, null);
        var current = await _storage.WriteAsync(conflicted, new byte[] { 2 }, stale);
        using var gate = await HoldWriterAsync();
        var commitsBefore = _database.Writes.CommitCount;

        var before = _storage.WriteAsync(Key(0), new byte[] { 10 }, null);
        var conflict = _storage.WriteAsync(conflicted, new byte[] { 11 }, stale);
        var after = _storage.WriteAsync(Key(2), new byte[] { 12 }, null);
        gate.Release();

        Assert.Equal("1", await before);
        Assert.Equal("1", await after);
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);
        Assert.Equal(current, exception.StoredEtag);
        Assert.Equal(commitsBefore + 2, _database.Writes.CommitCount);
        Assert.Equal(new byte[] { 2 }, (await _storage.ReadAsync(conflicted))?.Data);
    }

    [Fact]
    public async Task EnqueueAsync_UnexpectedSqliteErrorInBatch_RollsBackAndFailsEveryOperation()
    {
        using var gate = await HoldWriterAsync();

        var neighbour = _storage.WriteAsync(Key(0), new byte[] { 1 }, null);
        var failing = _database.Writes.EnqueueAsync(new FailingOperation());
        var later = _storage.WriteAsync(Key(1), new byte[] { 2 }, null);
        gate.Release();

        await Assert.ThrowsAsync<SqliteException>(() => failing);
        await Assert.ThrowsAsync<SqliteException>(() => neighbour);
        await Assert.ThrowsAsync<SqliteException>(() => later);
        Assert.Equal(0, RawSqlite.Count(_database.DataSource, "SELECT COUNT(*) FROM grain_state;"));

        // The writer goes on with the next batch.
        Assert.Equal("1", await _storage.WriteAsync(Key(0), new byte[] { 3 }, null));
    }

    [Fact]
    public async Task WriteAsync_BeforeCommit_IsNeitherCompletedNorVisible()
    {
        using var first = await HoldWriterAsync();
        var key = Key(0);
        var write = _storage.WriteAsync(key, new byte[] { 1 }, null);

        // Queue a second gate behind the write: the writer runs the write, then stops before COMMIT.
        using var second = new GateOperation();
        var held = _database.Writes.EnqueueAsync(second);
        first.Release();
        await second.Entered;

        Assert.False(write.IsCompleted);
        Assert.Equal(0, RawSqlite.Count(_database.DataSource, "SELECT COUNT(*) FROM grain_state;"));

        second.Release();
        await held;
        Assert.Equal("1", await write);
    }

    [Fact]
    public async Task WriteAsync_Completed_FreshConnectionSeesRow()
    {
        var key = Key(0);

        var etag = await _storage.WriteAsync(key, new byte[] { 1, 2, 3 }, null);

        using var connection = RawSqlite.Open(_database.DataSource);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, data FROM grain_state WHERE grain_type = $t AND grain_key = $k AND state_name = $s;";
        command.Parameters.AddWithValue("$t", key.GrainType);
        command.Parameters.AddWithValue("$k", key.GrainKey);
        command.Parameters.AddWithValue("$s", key.StateName);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(etag, reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.GetFieldValue<byte[]>(1));
    }

    [Fact]
    public async Task WriteAsync_CanceledWhileQueued_IsCanceledAndNeverWritten()
    {
        using var gate = await HoldWriterAsync();
        using var cancellation = new CancellationTokenSource();
        var key = Key(0);

        var write = _storage.WriteAsync(key, new byte[] { 1 }, null, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        gate.Release();
        Assert.Equal("1", await _storage.WriteAsync(Key(1), new byte[] { 1 }, null));
        Assert.Null(await _storage.ReadAsync(key));
    }

    [Fact]
    public async Task WriteAsync_CanceledAfterWriterTookIt_StillCompletes()
    {
        using var first = await HoldWriterAsync();
        using var cancellation = new CancellationTokenSource();
        var write = _storage.WriteAsync(Key(0), new byte[] { 1 }, null, cancellation.Token);
        using var second = new GateOperation();
        var held = _database.Writes.EnqueueAsync(second);
        first.Release();
        await second.Entered;

        // The write is part of a batch now: cancelling cannot undo it, so the caller learns its real outcome.
        await cancellation.CancelAsync();
        second.Release();

        await held;
        Assert.Equal("1", await write);
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedWrites_CommitsThemBeforeClosing()
    {
        var dataSource = _database.DataSource;
        using var gate = await HoldWriterAsync();
        var writes = Enumerable.Range(0, 10).Select(i => _storage.WriteAsync(Key(i), new byte[] { (byte)i }, null)).ToArray();

        var disposing = _database.DisposeAsync();
        var rejected = _storage.WriteAsync(Key(99), new byte[] { 1 }, null);
        gate.Release();
        await disposing;

        Assert.All(await Task.WhenAll(writes), etag => Assert.Equal("1", etag));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rejected);
        Assert.Equal(10, RawSqlite.Count(dataSource, "SELECT COUNT(*) FROM grain_state;"));
    }

    [Fact]
    public async Task WriteAsync_AfterDispose_ThrowsObjectDisposed()
    {
        await _database.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.WriteAsync(Key(0), new byte[] { 1 }, null));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.ClearAsync(Key(0), null));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.ReadAsync(Key(0)));
    }

    [Fact]
    public async Task WriteAsync_Completion_NeverRunsCallerContinuationOnWriterThread()
    {
        var writerThread = await _database.Writes.EnqueueAsync(new ThreadIdOperation());

        // A continuation that asks to run synchronously would run on the writer thread if the write completed inline.
        var continuationThread = await _storage.WriteAsync(Key(0), new byte[] { 1 }, null).ContinueWith(
            _ => Environment.CurrentManagedThreadId,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        Assert.NotEqual(writerThread, continuationThread);
    }

    private async Task<GateOperation> HoldWriterAsync()
    {
        var gate = new GateOperation();
        _ = _database.Writes.EnqueueAsync(gate);
        await gate.Entered;
        return gate;
    }

    private static GrainStateKey Key(int i) => new("queue-test", $"grain-{i}", "state");

    private sealed class ThreadIdOperation : SqliteWriteOperation<int>
    {
        protected override int Execute(SqliteCommandCache commands) => Environment.CurrentManagedThreadId;
    }
}
